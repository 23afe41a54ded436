import { eq } from 'drizzle-orm'
import type { Db } from '../db/client'
import type { Tx } from '../db/tx'
import { careRoundPlans, elders } from '../db/schema'
import { AppError, notFound } from '../errors'

/** A plan (supervisors only reach these routes) with its elder's name, locked for the change; 404 if missing, 409 once ended. */
export async function planInForce(tx: Db | Tx, planId: number) {
  const [row] = await tx.select({ p: careRoundPlans, elderName: elders.name }).from(careRoundPlans).innerJoin(elders, eq(elders.id, careRoundPlans.elderId)).where(eq(careRoundPlans.id, planId)).for('update')
  if (!row) throw notFound('这个巡访计划')
  if (row.p.endedAt) throw new AppError(409, 'ILLEGAL_TRANSITION', '这个巡访计划已经结束，不能再修改；如需继续巡访请新建计划')
  return row
}
