import { eq } from 'drizzle-orm'
import type { InspectionResult } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { inspections } from '../db/schema'
import { inTransaction } from '../db/tx'
import { AppError, notFound } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { getInspectionDraw } from './inspection-view'

/** Records a drawn station's inspection result once; it then shows on the public price board. */
export async function recordInspection(deps: AppDeps, auth: Auth, inspectionId: number, req: { result: InspectionResult; notes: string }) {
  const db = deps.database.db
  const drawId = await inTransaction(db, async (tx) => {
    const now = deps.clock()
    const [i] = await tx.select().from(inspections).where(eq(inspections.id, inspectionId)).for('update')
    if (!i) throw notFound('这项抽查')
    if (i.result) throw new AppError(409, 'ILLEGAL_TRANSITION', '这项抽查已经记录过结果，结果公示后不能修改')
    await tx.update(inspections).set({ result: req.result, notes: req.notes, inspectedBy: auth.userId, inspectedAt: now, updatedAt: now }).where(eq(inspections.id, inspectionId))
    await recordAudit(tx, { actorUserId: auth.userId, action: 'inspection.record', entity: 'station', entityId: i.stationId, detail: { inspectionId, result: req.result }, at: now })
    return i.drawId
  })
  return getInspectionDraw(db, drawId)
}
