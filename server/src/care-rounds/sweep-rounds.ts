import { eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { AppDeps } from '../app'
import { careRoundPlans, careRounds, elders } from '../db/schema'
import { runEvery } from '../cluster/run-every'
import { roundsToCreate } from './round-schedule'
import { stationForRound } from './route-round'

/**
 * Creates the rounds that fall due (roundsToCreate), each routed to the station that covers the elder's home
 * (stationForRound) or left for the supervisors. Safe on every process at once: a round is unique per plan and due
 * time, and a second insert of it changes nothing.
 */
export async function sweepCareRounds(deps: Pick<AppDeps, 'database' | 'stationIndex' | 'clock'>): Promise<{ created: number }> {
  const db = deps.database.db
  const now = deps.clock()
  const plans = await db
    .select({ id: careRoundPlans.id, elderId: careRoundPlans.elderId, mode: careRoundPlans.mode, everyDays: careRoundPlans.everyDays, firstDueAt: careRoundPlans.firstDueAt, endedAt: careRoundPlans.endedAt, lat: elders.homeLat, lng: elders.homeLng })
    .from(careRoundPlans)
    .innerJoin(elders, eq(elders.id, careRoundPlans.elderId))
    .where(isNull(careRoundPlans.endedAt))
  if (plans.length === 0) return { created: 0 }
  const last = await db
    .select({ planId: careRounds.planId, last: sql<Date>`MAX(${careRounds.dueAt})`.mapWith(careRounds.dueAt) })
    .from(careRounds)
    .where(inArray(careRounds.planId, plans.map((p) => p.id)))
    .groupBy(careRounds.planId)
  const due = roundsToCreate(plans, new Map(last.map((l) => [l.planId, l.last])), now)
  if (due.length === 0) return { created: 0 }
  const index = await deps.stationIndex.get()
  const home = new Map(plans.map((p) => [p.id, { lat: p.lat, lng: p.lng }]))
  const rows = due.map((r) => ({ ...r, stationId: stationForRound(index, home.get(r.planId)!), status: 'open' as const, createdAt: now, updatedAt: now }))
  const [res] = await db.insert(careRounds).values(rows).onDuplicateKeyUpdate({ set: { planId: sql`plan_id` } })
  // affectedRows counts 1 per new row and 0 for a duplicate left as it was.
  return { created: res.affectedRows }
}

/** Runs the sweep every `everyMs` in this process (and once at start); returns a stop function. */
export function startCareRoundScheduler(deps: Parameters<typeof sweepCareRounds>[0], log: Logger, everyMs = 60_000): () => void {
  return runEvery(everyMs, log, 'care rounds', () => sweepCareRounds(deps), { now: true })
}
