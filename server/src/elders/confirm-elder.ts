import { and, eq, isNull } from 'drizzle-orm'
import type { ElderSummary } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { elderFor } from '../access/elder-access'
import { toElderSummary } from '../auth/get-me'
import { elders, familyLinks } from '../db/schema'
import { inTransaction } from '../db/tx'
import { recordAudit } from '../audit/record-audit'
import { recordNotices } from '../notifications/notify'
import { pushNotices } from '../notifications/push-notices'
import { AppError } from '../errors'

/**
 * 上门确认: a station worker whose circle covers the home, or a supervisor, has seen the elder of a profile a
 * relative created; from now on it can be quoted and booked. The tier stays unverified (a supervisor's step).
 * The relatives' links made with the profile take this as the elder's consent.
 */
export async function confirmElder(deps: AppDeps, auth: Auth, elderId: number): Promise<ElderSummary> {
  await elderFor(deps, auth, elderId, 'confirm')
  const now = deps.clock()
  const { row, notices } = await inTransaction(deps.database.db, async (tx) => {
    const [e] = await tx.select().from(elders).where(eq(elders.id, elderId)).for('update')
    if (e.status !== 'pending') throw new AppError(409, 'ILLEGAL_TRANSITION', '这位老人的资料已经确认过了，不用再确认')
    await tx.update(elders).set({ status: 'active', confirmedBy: auth.userId, confirmedAt: now, updatedAt: now }).where(eq(elders.id, elderId))
    const inForce = and(eq(familyLinks.elderId, elderId), isNull(familyLinks.revokedAt))
    await tx.update(familyLinks).set({ consentedAt: now, updatedAt: now }).where(and(inForce, isNull(familyLinks.invitationId)))
    await recordAudit(tx, { actorUserId: auth.userId, action: 'elder.confirmed', entity: 'elder', entityId: elderId, detail: { byRole: auth.role, stationId: auth.stationId }, at: now })
    const relatives = await tx.select({ userId: familyLinks.familyUserId }).from(familyLinks).where(inForce)
    const notices = await recordNotices(
      tx,
      relatives.map((r) => ({ userId: r.userId, entity: 'elder' as const, entityId: elderId, title: '老人资料已确认', body: `工作人员已上门见过${e.name}，资料已确认，现在可以为老人预约服务了。` })),
      now,
    )
    const [row] = await tx.select().from(elders).where(eq(elders.id, elderId))
    return { row, notices }
  })
  void pushNotices(deps.database.db, deps.wechat, deps.config.push, deps.log, notices)
  return toElderSummary(row)
}
