import { eq } from 'drizzle-orm'
import { CATEGORY_MIN_AGE, TIER_CATEGORIES, tierExplanation, type ElderTier, type SetTierRequest } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { elderFor } from '../access/elder-access'
import { recordAudit } from '../audit/record-audit'
import { elders } from '../db/schema'
import { inTransaction } from '../db/tx'
import { AppError } from '../errors'
import { recordNotices } from '../notifications/notify'
import { pushNotices } from '../notifications/push-notices'
import { noticesAboutElder } from '../notifications/elder-followers'
import { toElderTier } from './tier-view'

/** Whole years between a birth date (YYYY-MM-DD) and a day. */
export function ageOn(birthDate: string, day: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number)
  const local = new Date(day.getTime() + 8 * 3600_000)
  const had = local.getUTCMonth() + 1 > m || (local.getUTCMonth() + 1 === m && local.getUTCDate() >= d)
  return local.getUTCFullYear() - y - (had ? 0 : 1)
}

/**
 * A supervisor verifies (or changes) an elder's tier after seeing the papers: the category must grant the tier
 * and fit the elder's age, an expiry must be ahead. The elder and bound family are told in plain words.
 */
export async function setTier(deps: AppDeps, auth: Auth, elderId: number, req: SetTierRequest): Promise<ElderTier> {
  const now = deps.clock()
  const e = await elderFor(deps, auth, elderId, 'read')
  const minAge = CATEGORY_MIN_AGE[req.category]
  if (minAge && ageOn(e.birthDate, now) < minAge) {
    throw new AppError(422, 'VALIDATION_FAILED', `${e.name}还不满 ${minAge} 岁，不能按“${TIER_CATEGORIES[req.category].label}”认定`)
  }
  const expiresAt = req.expiresAt ? new Date(req.expiresAt) : null
  if (expiresAt && expiresAt.getTime() <= now.getTime()) throw new AppError(400, 'VALIDATION_FAILED', '到期时间应在今天以后')
  const verified = req.tier !== 'paid'
  const { updated, notices } = await inTransaction(deps.database.db, async (tx) => {
    const [before] = await tx.select().from(elders).where(eq(elders.id, e.id)).for('update')
    const change = {
      tier: req.tier, tierReason: req.category, tierNote: req.reason, tierExpiresAt: expiresAt, tierExpiryNoticeAt: null,
      tierVerifiedBy: verified ? auth.userId : null, tierVerifiedAt: verified ? now : null, updatedAt: now,
    }
    await tx.update(elders).set(change).where(eq(elders.id, e.id))
    await recordAudit(tx, {
      actorUserId: auth.userId, action: 'elder.tier', entity: 'elder', entityId: e.id, at: now,
      detail: { from: { tier: before.tier, category: before.tierReason }, to: { tier: req.tier, category: req.category }, reason: req.reason, expiresAt: req.expiresAt ?? null },
    })
    const list = await noticesAboutElder(tx, e, '优惠认定已更新', (who) => tierExplanation(req.tier, req.category, who))
    return { updated: { ...before, ...change }, notices: await recordNotices(tx, list, now) }
  })
  void pushNotices(deps.database.db, deps.wechat, deps.config.push, deps.log, notices)
  return toElderTier(updated, auth, now)
}
