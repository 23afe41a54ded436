import { type WhatIfResponse } from '@carecircle/shared'
import type { AppDeps } from '../app'
import { reachKm } from '../stations/station-index'
import { computeCoverage, uncoveredOf } from './coverage'
import { ElderTree } from './elder-tree'
import { cellBounds, cellKey } from './grid'
import { loadDistrict } from './load-district'
import { bestPlacement, candidateStation, evaluatePlacement } from './what-if'

/**
 * 假如在这里建站: how many elders now outside every active circle a station (or complex) at the supervisor's point
 * would take in, and the best single point, computed over every uncovered cell's centre and every circle through two
 * uncovered homes (what-if.ts). Nothing is saved.
 */
export async function tryPlacement(deps: Pick<AppDeps, 'database' | 'stationIndex' | 'clock'>, body: { kind: 'station' | 'complex'; point?: { lat: number; lng: number } }): Promise<WhatIfResponse> {
  const now = deps.clock()
  const d = await loadDistrict(deps, {}, now)
  const c = computeCoverage(d.stations, d.elders, now)
  const uncovered = new ElderTree(uncoveredOf(d.elders, c))
  const share = (added: number) => (d.elders.length ? (c.overall.covered + added) / d.elders.length : null)
  const withShare = <R extends { newlyCovered: number }>(r: R) => ({ ...r, shareAfter: share(r.newlyCovered) })
  const centres = [...new Set(uncovered.elders.map((e) => cellKey(d.grid, e.lat, e.lng)))].map((k) => cellBounds(d.grid, k).centre)
  const best = bestPlacement(uncovered, body.kind, centres)
  return {
    kind: body.kind,
    radiusMeters: Math.floor(reachKm(candidateStation(body.kind, { lat: 0, lng: 0 })) * 1000),
    uncoveredBefore: uncovered.elders.length,
    candidate: body.point ? withShare(evaluatePlacement(uncovered, body.kind, body.point)) : null,
    best: best && withShare(best),
  }
}
