import { and, gte, inArray, lt } from 'drizzle-orm'
import { businessDate, type RoundCoverageResponse } from '@carecircle/shared'
import type { AppDeps } from '../app'
import { careRounds, elders, stations } from '../db/schema'
import { monthRange } from '../visits/list-visits'
import { roundCoverage, WHY_TEXT } from './round-schedule'

/**
 * 巡访覆盖率 for a month (target 100 %, seed 001): per station and for the district, the share of elders needing
 * rounds who were visited on schedule (roundCoverage), and the list of those who were not, with why.
 */
export async function reportRoundCoverage(deps: Pick<AppDeps, 'database' | 'clock'>, q: { month?: string }): Promise<RoundCoverageResponse> {
  const now = deps.clock()
  const month = q.month ?? businessDate(now).slice(0, 7)
  const { from, to } = monthRange(month)
  const db = deps.database.db
  const rounds = await db
    .select({ elderId: careRounds.elderId, stationId: careRounds.stationId, dueAt: careRounds.dueAt, status: careRounds.status, outcome: careRounds.outcome, recordedAt: careRounds.recordedAt })
    .from(careRounds)
    .where(and(gte(careRounds.dueAt, from), lt(careRounds.dueAt, to)))
  const c = roundCoverage(rounds, from, to, now)
  const stationIds = [...c.byStation.keys()].filter((id): id is number => id !== null)
  const elderIds = c.notOnSchedule.map((n) => n.elderId)
  const names = new Map((stationIds.length ? await db.select({ id: stations.id, name: stations.name }).from(stations).where(inArray(stations.id, stationIds)) : []).map((s) => [s.id, s.name]))
  const elderNames = new Map((elderIds.length ? await db.select({ id: elders.id, name: elders.name }).from(elders).where(inArray(elders.id, elderIds)) : []).map((e) => [e.id, e.name]))
  const station = (id: number | null) => (id === null ? null : { id, name: names.get(id) ?? '' })
  const share = (s: { elders: number; onSchedule: number }) => ({ ...s, share: s.elders ? s.onSchedule / s.elders : null })
  return {
    month,
    target: 1,
    district: share(c.district),
    stations: [...c.byStation].map(([id, s]) => ({ station: station(id), ...share(s) })).sort((a, b) => (a.station?.id ?? Infinity) - (b.station?.id ?? Infinity)),
    notOnSchedule: c.notOnSchedule.map((n) => ({ elder: { id: n.elderId, name: elderNames.get(n.elderId) ?? '' }, station: station(n.stationId), why: n.why, whyText: WHY_TEXT[n.why] })),
  }
}
