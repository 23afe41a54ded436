import { and, eq, gt, isNotNull, isNull, lte, ne } from 'drizzle-orm'
import { formatBusinessDateTime, tierExplanation } from '@carecircle/shared'
import type { Logger } from 'pino'
import type { AppDeps } from '../app'
import { recordAudit } from '../audit/record-audit'
import { elders } from '../db/schema'
import { inTransaction } from '../db/tx'
import { recordNotices } from '../notifications/notify'
import { pushNotices } from '../notifications/push-notices'
import { noticesAboutElder } from '../notifications/elder-followers'
import { runEvery } from '../cluster/run-every'

const WEEK_MS = 7 * 86_400_000
const BATCH = 200
type Deps = Pick<AppDeps, 'database' | 'clock' | 'wechat' | 'config' | 'log'>

/**
 * Verifications that lapse: a week ahead the elder and bound family are told (once), and at the expiry the
 * recorded tier falls back to paid (pricing already treats a lapsed one as paid, see effective-tier.ts; this
 * makes the record say so and tells them). Safe on many processes: each row is claimed by a conditional UPDATE.
 */
export async function sweepTierExpiries(deps: Deps): Promise<{ warned: number; lapsed: number }> {
  const db = deps.database.db
  const now = deps.clock()
  const out = { warned: 0, lapsed: 0 }
  const soon = await db
    .select({ id: elders.id, name: elders.name, expiresAt: elders.tierExpiresAt })
    .from(elders)
    .where(and(ne(elders.tier, 'paid'), isNull(elders.tierExpiryNoticeAt), gt(elders.tierExpiresAt, now), lte(elders.tierExpiresAt, new Date(now.getTime() + WEEK_MS))))
    .limit(BATCH)
  for (const e of soon) {
    const notices = await inTransaction(db, async (tx) => {
      const [res] = await tx.update(elders).set({ tierExpiryNoticeAt: now }).where(and(eq(elders.id, e.id), isNull(elders.tierExpiryNoticeAt)))
      if (res.affectedRows !== 1) return null
      const words = (who: string) => `${who}的优惠认定将在 ${formatBusinessDateTime(e.expiresAt!)} 到期，到期后按有偿价格收费。如仍符合条件，请联系社区或拨打 12349 重新认定`
      return recordNotices(tx, await noticesAboutElder(tx, e, '优惠认定即将到期', words), now)
    })
    if (notices) (out.warned++, void pushNotices(db, deps.wechat, deps.config.push, deps.log, notices))
  }
  const lapsed = await db
    .select({ id: elders.id, name: elders.name, tier: elders.tier, tierReason: elders.tierReason })
    .from(elders)
    .where(and(ne(elders.tier, 'paid'), isNotNull(elders.tierExpiresAt), lte(elders.tierExpiresAt, now)))
    .limit(BATCH)
  for (const e of lapsed) {
    const notices = await inTransaction(db, async (tx) => {
      const [res] = await tx.update(elders).set({ tier: 'paid', tierReason: 'none', tierVerifiedAt: null, tierVerifiedBy: null, updatedAt: now }).where(and(eq(elders.id, e.id), ne(elders.tier, 'paid')))
      if (res.affectedRows !== 1) return null
      await recordAudit(tx, { actorUserId: null, action: 'elder.tier_lapsed', entity: 'elder', entityId: e.id, at: now, detail: { from: { tier: e.tier, category: e.tierReason } } })
      return recordNotices(tx, await noticesAboutElder(tx, e, '优惠认定已到期', (who) => tierExplanation(e.tier, e.tierReason, who, true)), now)
    })
    if (notices) (out.lapsed++, void pushNotices(db, deps.wechat, deps.config.push, deps.log, notices))
  }
  return out
}

/** Every ten minutes in this process, and once at start. */
export function startTierExpiryScheduler(deps: Deps, log: Logger, everyMs = 10 * 60_000): () => void {
  return runEvery(everyMs, log, 'tier expiries', () => sweepTierExpiries(deps), { now: true })
}
