import { and, desc, eq, gte, lt, ne } from 'drizzle-orm'
import { businessDate, type ElderRoundsResponse } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { elderFor } from '../access/elder-access'
import { careRoundPlans, careRounds } from '../db/schema'
import { monthRange } from '../visits/list-visits'
import { fetchRounds, toCarePlan } from './round-view'

/** Far above any month's rounds (at most one a day); only keeps a broken row count from reading without end. */
const MONTH_ROWS_BOUND = 500

/**
 * 关爱巡访记录 in the elder's timeline: the latest plan and a month's rounds (newest first; cancelled ones left out) with their outcomes, for
 * whoever may read the elder (the one access rule: the elder, bound family, the covering station, supervisors).
 */
export async function listElderRounds(deps: Pick<AppDeps, 'database' | 'stationIndex' | 'clock'>, auth: Auth, elderId: number, q: { month?: string }): Promise<ElderRoundsResponse> {
  const now = deps.clock()
  const elder = await elderFor(deps, auth, elderId, 'read')
  const { from, to } = monthRange(q.month ?? businessDate(now).slice(0, 7))
  const db = deps.database.db
  const [plan] = await db.select().from(careRoundPlans).where(eq(careRoundPlans.elderId, elder.id)).orderBy(desc(careRoundPlans.id)).limit(1)
  const rounds = await fetchRounds(db, and(eq(careRounds.elderId, elder.id), gte(careRounds.dueAt, from), lt(careRounds.dueAt, to), ne(careRounds.status, 'cancelled')), now, { limit: MONTH_ROWS_BOUND, order: 'desc' }, auth)
  return { elder: { id: elder.id, name: elder.name }, plan: plan ? toCarePlan(plan, elder.name) : null, rounds }
}
