import { eq } from 'drizzle-orm'
import { businessDate, type CarePlan } from '@carecircle/shared'
import type { z } from 'zod'
import type { ZCarePlanRequest } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { elderFor } from '../access/elder-access'
import { recordAudit } from '../audit/record-audit'
import { careRoundPlans } from '../db/schema'
import { inTransaction, violatedConstraint } from '../db/tx'
import { AppError } from '../errors'
import { dueAtOn } from './round-schedule'
import { toCarePlan } from './round-view'

/**
 * A supervisor marks an elder as needing regular rounds (独居/空巢/失能/高龄): one plan in force per elder (a unique
 * key), the first round due on `startsOn` (today by default) at 18:00; the scheduler creates the rounds.
 */
export async function createCarePlan(deps: Pick<AppDeps, 'database' | 'stationIndex' | 'clock'>, auth: Auth, req: z.output<typeof ZCarePlanRequest>): Promise<CarePlan> {
  const now = deps.clock()
  const elder = await elderFor(deps, auth, req.elderId, 'read')
  const today = businessDate(now)
  const startsOn = req.startsOn ?? today
  if (startsOn < today) throw new AppError(400, 'VALIDATION_FAILED', '第一次巡访的日期不能早于今天')
  try {
    const plan = await inTransaction(deps.database.db, async (tx) => {
      const [res] = await tx.insert(careRoundPlans).values({
        elderId: elder.id, reason: req.reason, note: req.note || null, mode: req.mode, everyDays: req.everyDays, firstDueAt: dueAtOn(startsOn), createdBy: auth.userId, createdAt: now, updatedAt: now,
      })
      const id = Number(res.insertId)
      await recordAudit(tx, { actorUserId: auth.userId, action: 'care_plan.create', entity: 'care_round_plan', entityId: id, detail: { elderId: elder.id, reason: req.reason, mode: req.mode, everyDays: req.everyDays }, at: now })
      const [row] = await tx.select().from(careRoundPlans).where(eq(careRoundPlans.id, id))
      return row
    })
    return toCarePlan(plan, elder.name)
  } catch (e) {
    if (violatedConstraint(e) === 'care_round_plans_live_elder_uq') throw new AppError(409, 'CARE_PLAN_EXISTS', '这位老人已有巡访计划，请修改现有计划，或先结束它再新建')
    throw e
  }
}
