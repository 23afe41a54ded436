import { toBusinessIso, type AreaQuery, type CareMapResponse } from '@carecircle/shared'
import type { AppDeps } from '../app'
import { reachKm } from '../stations/station-index'
import { computeCoverage } from './coverage'
import { aggregateCells } from './map-cells'
import { loadDistrict } from './load-district'

/**
 * What the care map draws: stations (public points) with their circles, and elders only as grid cells with counts
 * by tier and how many of them no circle covers — never a home, never a cell of one (see aggregateCells).
 * A 驿站's circle is sent as the great-circle radius its travel time allows; a published polygon as it is.
 */
export async function getCareMap(deps: Pick<AppDeps, 'database' | 'stationIndex' | 'clock'>, q: AreaQuery): Promise<CareMapResponse> {
  const now = deps.clock()
  const d = await loadDistrict(deps, q, now)
  const c = computeCoverage(d.stations, d.elders, now)
  const { cells, hidden } = aggregateCells(d.elders.map((e, i) => ({ ...e, covered: c.covered[i] === 1 })), d.grid)
  const shown = d.stations.filter((s) => s.status !== 'closed')
  const points = [...cells.flatMap((x) => [{ lat: x.south, lng: x.west }, { lat: x.north, lng: x.east }]), ...shown]
  const bounds = points.length
    ? { south: Math.min(...points.map((p) => p.lat)), west: Math.min(...points.map((p) => p.lng)), north: Math.max(...points.map((p) => p.lat)), east: Math.max(...points.map((p) => p.lng)) }
    : null
  return {
    asOf: toBusinessIso(now),
    cellMeters: d.grid.cellMeters,
    bounds: d.area ?? bounds,
    stations: shown.map((s) => {
      const polygon = s.circlePolygon && s.circlePolygon.length >= 3 ? s.circlePolygon : null
      return { id: s.id, name: s.name, kind: s.kind, status: s.status, lat: s.lat, lng: s.lng, radiusMeters: polygon ? null : Math.floor(reachKm(s) * 1000), polygon }
    }),
    cells,
    hidden,
  }
}
