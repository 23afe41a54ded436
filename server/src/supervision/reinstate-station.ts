import { eq } from 'drizzle-orm'
import type { StationSupervision } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { stations } from '../db/schema'
import { inTransaction } from '../db/tx'
import { AppError, notFound } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { toSupervision } from './suspend-station'

/** 恢复接单: the station takes new orders again from this commit; its reason comes off the public board. */
export async function reinstateStation(deps: AppDeps, auth: Auth, stationId: number, req: { reason?: string }): Promise<StationSupervision> {
  const station = await inTransaction(deps.database.db, async (tx) => {
    const now = deps.clock()
    const [s] = await tx.select().from(stations).where(eq(stations.id, stationId)).for('update')
    if (!s) throw notFound('这个驿站')
    if (s.status !== 'suspended') throw new AppError(409, 'ILLEGAL_TRANSITION', '这个驿站没有暂停接单，不需要恢复')
    await tx.update(stations).set({ status: 'active', suspendedReason: null, suspendedAt: null, updatedAt: now }).where(eq(stations.id, stationId))
    await recordAudit(tx, { actorUserId: auth.userId, action: 'station.reinstate', entity: 'station', entityId: stationId, detail: { reason: req.reason ?? null, suspendedReason: s.suspendedReason }, at: now })
    return { ...s, status: 'active' as const, suspendedReason: null, suspendedAt: null }
  })
  deps.stationIndex.invalidate()
  deps.stationFacts.invalidate()
  return toSupervision(station, { rerouted: 0, unassigned: 0, kept: 0 })
}
