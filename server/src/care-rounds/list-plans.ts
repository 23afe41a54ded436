import { and, count, gt, isNull } from 'drizzle-orm'
import type { CarePlansQuery, CarePlansResponse } from '@carecircle/shared'
import type { AppDeps } from '../app'
import { careRoundPlans } from '../db/schema'
import { fetchPlans } from './round-view'

const PAGE = 100

/** The plans in force, oldest first, a page at a time (keyset on id) with how many there are in all. */
export async function listCarePlans(deps: Pick<AppDeps, 'database'>, q: CarePlansQuery): Promise<CarePlansResponse> {
  const db = deps.database.db
  const limit = q.limit ?? PAGE
  const inForce = isNull(careRoundPlans.endedAt)
  const rows = await fetchPlans(db, and(inForce, q.cursor ? gt(careRoundPlans.id, q.cursor) : undefined), limit + 1)
  const plans = rows.slice(0, limit)
  const [{ n }] = await db.select({ n: count() }).from(careRoundPlans).where(inForce)
  return { plans, total: n, nextCursor: rows.length > limit ? String(plans[plans.length - 1].id) : null }
}
