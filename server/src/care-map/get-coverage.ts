import { and, gte, lt, ne, sql } from 'drizzle-orm'
import { AGE_BANDS, AGE_BAND_LABELS, TIERS, TIER_LABELS, toBusinessIso, type AreaQuery, type CoverageResponse } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Db } from '../db/client'
import { orders } from '../db/schema'
import { computeCoverage, uncoveredOf } from './coverage'
import { aggregateCells } from './map-cells'
import { loadDistrict } from './load-district'

const DAY = 86_400_000

/** Orders per station whose visit fell in the last 30 days (cancelled ones left out): the station's recent load. */
export async function ordersLast30Days(db: Db, now: Date): Promise<Map<number, number>> {
  const rows = await db
    .select({ stationId: orders.stationId, n: sql<number>`COUNT(*)` })
    .from(orders)
    .where(and(gte(orders.slotStart, new Date(now.getTime() - 30 * DAY)), lt(orders.slotStart, now), ne(orders.status, 'cancelled')))
    .groupBy(orders.stationId)
  return new Map(rows.filter((r) => r.stationId !== null).map((r) => [r.stationId!, Number(r.n)]))
}

/**
 * 关爱地图 figures for the supervisor: the share of elders inside an active station's circle, overall, by tier and
 * by age band; where the uncovered live, by 500 m cell (a lone elder pooled or hidden, as on the map); and per
 * station the elders it covers and its orders of the last 30 days.
 */
export async function getCoverage(deps: Pick<AppDeps, 'database' | 'stationIndex' | 'clock'>, q: AreaQuery): Promise<CoverageResponse> {
  const now = deps.clock()
  const d = await loadDistrict(deps, q, now)
  const c = computeCoverage(d.stations, d.elders, now)
  const { cells, hidden } = aggregateCells(uncoveredOf(d.elders, c).map((e) => ({ ...e, covered: false })), d.grid)
  const loads = await ordersLast30Days(deps.database.db, now)
  return {
    asOf: toBusinessIso(now),
    cellMeters: d.grid.cellMeters,
    overall: c.overall,
    byTier: TIERS.map((tier) => ({ tier, label: TIER_LABELS[tier], ...c.byTier[tier] })),
    byAgeBand: AGE_BANDS.map((band) => ({ band, label: AGE_BAND_LABELS[band], ...c.byAgeBand[band] })),
    uncoveredClusters: cells,
    uncoveredHidden: hidden,
    stations: d.stations
      .filter((s) => s.status !== 'closed')
      .map((s) => ({ id: s.id, name: s.name, kind: s.kind, status: s.status, eldersCovered: c.eldersCovered.get(s.id) ?? 0, orders30d: loads.get(s.id) ?? 0 }))
      .sort((a, b) => a.id - b.id),
  }
}
