import { and, eq } from 'drizzle-orm'
import type { BindRequest, Binding } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { elders, familyInvitations, familyLinks, users } from '../db/schema'
import { inTransaction, type Tx } from '../db/tx'
import { recordAudit } from '../audit/record-audit'
import { recordNotices, type Notice } from '../notifications/notify'
import { pushNotices } from '../notifications/push-notices'
import type { RateRuleName } from '../http/rate-limits'
import { AppError } from '../errors'
import { listBindings } from './list-bindings'

/** Wrong, expired and already used codes get this one answer: which it was would help a guesser. */
export const invitationInvalid = () => new AppError(400, 'INVITATION_INVALID', '邀请码不对或已失效，请让老人重新生成一个邀请码')

type Outcome = { ok: true; linkId: number; notices: Notice[] } | { ok: false; reason: 'no_live_code' | 'expired' }

/**
 * 绑定: a relative redeems the elder's code. The redemption is the elder's consent; the invitation row is locked
 * so that of two people redeeming one code exactly one binds.
 *
 * Guessing is bounded by the guesser's own limits only — per account and per IP address (config.ts). An attempt
 * is reserved under them before the code is looked up (so a burst of parallel guesses gets no more than the limit)
 * and given back when the code was right: only failures count, and a right code binds unless this account or
 * address is itself over its limit. Nothing district-wide is consulted before the code is checked: a failure is
 * only counted towards the district's alarm, which makes new codes longer (create-invitation.ts), never refuses.
 */
export async function redeemInvitation(deps: AppDeps, auth: Auth, req: BindRequest, ip: string): Promise<Binding> {
  const counts: [RateRuleName, string][] = [
    ['bindFailuresPerAccount', `user:${auth.userId}`],
    ['bindFailuresPerAccountDaily', `user:${auth.userId}`],
    ['bindFailuresPerIp', `ip:${ip}`],
    ['bindFailuresPerIpDaily', `ip:${ip}`],
  ]
  await deps.rateLimits.consumeAll(counts)
  const db = deps.database.db
  const now = deps.clock()
  let outcome: Outcome
  try {
    outcome = await inTransaction(db, async (tx): Promise<Outcome> => {
      const [inv] = await tx.select().from(familyInvitations).where(eq(familyInvitations.liveCode, req.code)).for('update')
      // Re-checked after the lock: the other redeemer may have used it while this one waited.
      if (!inv || inv.usedAt || inv.retiredAt) return { ok: false, reason: 'no_live_code' }
      if (inv.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' }
      const [prior] = await tx.select().from(familyLinks).where(and(eq(familyLinks.elderId, inv.elderId), eq(familyLinks.familyUserId, auth.userId))).for('update')
      if (prior && !prior.revokedAt) throw new AppError(409, 'ALREADY_BOUND', '您已经绑定了这位老人，不用再绑定。邀请码可以留给其他家人使用')
      const link = { relation: req.relation, consentedAt: now, invitationId: inv.id, revokedAt: null, revokedBy: null, updatedAt: now }
      let linkId = prior?.id
      if (linkId) await tx.update(familyLinks).set(link).where(eq(familyLinks.id, linkId))
      else [{ insertId: linkId }] = await tx.insert(familyLinks).values({ ...link, elderId: inv.elderId, familyUserId: auth.userId, createdAt: now })
      await tx.update(familyInvitations).set({ usedBy: auth.userId, usedAt: now, updatedAt: now }).where(eq(familyInvitations.id, inv.id))
      await recordAudit(tx, {
        actorUserId: auth.userId, action: 'family.bound', entity: 'family_link', entityId: linkId,
        detail: { elderId: inv.elderId, invitationId: inv.id, invitedByRole: inv.createdByRole, relation: req.relation, rebound: !!prior }, at: now,
      })
      return { ok: true, linkId, notices: await recordNotices(tx, await elderNotice(tx, inv.elderId, auth.userId, req.relation, linkId), now) }
    })
  } catch (e) {
    if (e instanceof AppError) await deps.rateLimits.rewardAll(counts) // ALREADY_BOUND: the code was right, not a guess
    throw e
  }
  if (!outcome.ok) {
    // Which of wrong/expired/used stays in the audit log; the code's digits are not kept anywhere.
    await recordAudit(db, { actorUserId: auth.userId, action: 'family.bind_refused', entity: 'user', entityId: auth.userId, detail: { reason: outcome.reason }, at: now })
    await deps.rateLimits.alarm('bindFailuresDistrict', 'district')
    throw invitationInvalid()
  }
  await deps.rateLimits.rewardAll(counts)
  void pushNotices(db, deps.wechat, deps.config.push, deps.log, outcome.notices)
  const { bindings } = await listBindings(deps, auth, {})
  return bindings.find((b) => b.id === outcome.linkId)!
}

/** The elder (if they have a login) sees at once that a relative bound, so an unexpected bind can be revoked. */
async function elderNotice(tx: Tx, elderId: number, familyUserId: number, relation: string, linkId: number): Promise<Notice[]> {
  const [e] = await tx.select({ userId: elders.userId }).from(elders).where(eq(elders.id, elderId))
  if (!e?.userId) return []
  const [u] = await tx.select({ name: users.name }).from(users).where(eq(users.id, familyUserId))
  return [{
    userId: e.userId, entity: 'family_link', entityId: linkId, title: '有家人绑定了您',
    body: `${u?.name ?? '一位家人'}（${relation}）用您的邀请码绑定了您，现在可以帮您预约服务。如果不是您让绑定的，请在“谁可以帮我预约”里解除。`,
  }]
}
