import { and, eq } from 'drizzle-orm'
import type { CarePlan } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { recordAudit } from '../audit/record-audit'
import { careRoundPlans, careRounds } from '../db/schema'
import { inTransaction } from '../db/tx'
import { planInForce } from './plan-access'
import { toCarePlan } from './round-view'

/** Ends a plan (moved away, in care home, passed away…): no more rounds; open ones are cancelled, so none shows as missed. */
export async function endCarePlan(deps: Pick<AppDeps, 'database' | 'clock'>, auth: Auth, planId: number, reason: string): Promise<CarePlan> {
  const now = deps.clock()
  return inTransaction(deps.database.db, async (tx) => {
    const { p, elderName } = await planInForce(tx, planId)
    await tx.update(careRoundPlans).set({ endedAt: now, endedBy: auth.userId, endReason: reason, updatedAt: now }).where(eq(careRoundPlans.id, p.id))
    const [res] = await tx.update(careRounds).set({ status: 'cancelled', updatedAt: now }).where(and(eq(careRounds.planId, p.id), eq(careRounds.status, 'open')))
    await recordAudit(tx, { actorUserId: auth.userId, action: 'care_plan.end', entity: 'care_round_plan', entityId: p.id, detail: { cancelledRounds: res.affectedRows }, at: now })
    return toCarePlan({ ...p, endedAt: now }, elderName)
  })
}
