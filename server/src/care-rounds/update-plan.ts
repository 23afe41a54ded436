import { eq } from 'drizzle-orm'
import type { z } from 'zod'
import type { CarePlan, ZCarePlanUpdate } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { recordAudit } from '../audit/record-audit'
import { careRoundPlans } from '../db/schema'
import { inTransaction } from '../db/tx'
import { planInForce } from './plan-access'
import { toCarePlan } from './round-view'

/** Changes a plan in force: rounds already created keep their day; the next one follows the last by the new frequency. */
export async function updateCarePlan(deps: Pick<AppDeps, 'database' | 'clock'>, auth: Auth, planId: number, body: z.output<typeof ZCarePlanUpdate>): Promise<CarePlan> {
  const now = deps.clock()
  return inTransaction(deps.database.db, async (tx) => {
    const { p, elderName } = await planInForce(tx, planId)
    const change = { reason: body.reason ?? p.reason, note: body.note === undefined ? p.note : body.note || null, mode: body.mode ?? p.mode, everyDays: body.everyDays ?? p.everyDays }
    await tx.update(careRoundPlans).set({ ...change, updatedAt: now }).where(eq(careRoundPlans.id, p.id))
    await recordAudit(tx, { actorUserId: auth.userId, action: 'care_plan.update', entity: 'care_round_plan', entityId: p.id, detail: { reason: change.reason, mode: change.mode, everyDays: change.everyDays }, at: now })
    return toCarePlan({ ...p, ...change }, elderName)
  })
}
