import { and, gte, lte } from 'drizzle-orm'
import type { AreaQuery } from '@carecircle/shared'
import type { AppDeps } from '../app'
import { elders } from '../db/schema'
import { effectiveTier } from '../eligibility/effective-tier'
import type { IndexedStation } from '../stations/station-index'
import type { CoverageElder } from './coverage'
import { makeGrid, CELL_METERS, type Grid } from './grid'
import type { Area } from './coverage'

export interface District {
  area: Area | null
  stations: IndexedStation[]
  elders: CoverageElder[]
  grid: Grid
}

/**
 * The district as the care map reads it: every station from the routing index (a circle does not stop at the
 * area's edge) and the elders whose homes are in the area, at the tier they are served at now.
 * The demo has one district; a box narrows it to a community.
 */
export async function loadDistrict(deps: Pick<AppDeps, 'database' | 'stationIndex'>, q: AreaQuery, now: Date): Promise<District> {
  const area = q.south === undefined ? null : { south: q.south, west: q.west!, north: q.north!, east: q.east! }
  const index = await deps.stationIndex.get()
  const rows = await deps.database.db
    .select({ id: elders.id, lat: elders.homeLat, lng: elders.homeLng, tier: elders.tier, tierReason: elders.tierReason, tierVerifiedAt: elders.tierVerifiedAt, tierExpiresAt: elders.tierExpiresAt, birthDate: elders.birthDate })
    .from(elders)
    .where(area ? and(gte(elders.homeLat, area.south), lte(elders.homeLat, area.north), gte(elders.homeLng, area.west), lte(elders.homeLng, area.east)) : undefined)
  const list = rows.map((r) => ({ id: r.id, lat: r.lat, lng: r.lng, birthDate: r.birthDate, tier: effectiveTier(r, now).tier }))
  // One grid for every report: east–west steps fixed at the stations' latitude (whole degrees), so cells stay put.
  const lats = index.stations.length ? index.stations.map((s) => s.lat) : list.map((e) => e.lat)
  const refLat = Math.round(lats.reduce((a, b) => a + b, 0) / Math.max(1, lats.length))
  return { area, stations: index.stations, elders: list, grid: makeGrid(CELL_METERS, refLat) }
}
