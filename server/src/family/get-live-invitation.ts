import { and, desc, eq, gt, isNotNull } from 'drizzle-orm'
import { toBusinessIso, type Invitation, type LiveInvitationQuery, type LiveInvitationResponse } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { elderFor } from '../access/elder-access'
import { elders, familyInvitations } from '../db/schema'
import { AppError } from '../errors'

/** The mini-program page a scanned QR code opens, with the code filled in. */
export const bindPagePath = (code: string) => `pages/family/bind/index?code=${code}`

export const toInvitation = (inv: { code: string; expiresAt: Date }, elder: { id: number; name: string }): Invitation => ({
  code: inv.code, expiresAt: toBusinessIso(inv.expiresAt), qrPayload: bindPagePath(inv.code), elder: { id: elder.id, name: elder.name },
})

/**
 * 邀请家人 opened again: the code the elder already read out, until it is used or expires (null then). Readable by
 * whoever may make one for this elder — the elder, or staff/a supervisor helping in person — by the same access rule.
 * The digits are kept as they are: they must be shown again, live one day at most, and bind only once; the database
 * never gives them to anyone else (the audit log and the logs never hold them).
 */
export async function getLiveInvitation(deps: Pick<AppDeps, 'database' | 'stationIndex' | 'clock'>, auth: Auth, q: LiveInvitationQuery): Promise<LiveInvitationResponse> {
  const elder = await elderFor(deps, auth, q.elderId ?? (await ownElderId(deps, auth)), 'confirm')
  const [live] = await deps.database.db
    .select({ code: familyInvitations.code, expiresAt: familyInvitations.expiresAt })
    .from(familyInvitations)
    .where(and(eq(familyInvitations.elderId, elder.id), isNotNull(familyInvitations.liveCode), gt(familyInvitations.expiresAt, deps.clock())))
    .orderBy(desc(familyInvitations.id))
    .limit(1)
  return { invitation: live ? toInvitation(live, elder) : null, elder: { id: elder.id, name: elder.name } }
}

/** An elder invites for themself; everyone else must say for whom. */
export async function ownElderId(deps: Pick<AppDeps, 'database'>, auth: Auth): Promise<number> {
  if (auth.role !== 'elder') throw new AppError(400, 'VALIDATION_FAILED', '请先选择要帮哪位老人生成邀请码（elderId）')
  const [own] = await deps.database.db.select({ id: elders.id }).from(elders).where(eq(elders.userId, auth.userId)).limit(1)
  if (!own) throw new AppError(404, 'ELDER_NOT_FOUND', '没有找到您的老人资料，请联系驿站或拨打 12349')
  return own.id
}
