import { and, eq, isNull } from 'drizzle-orm'
import { ROUND_OUTCOME_RULES, formatBusinessDateTime, type CareRound, type RoundOutcomeRequest } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { recordAudit } from '../audit/record-audit'
import { careRounds, elders, users } from '../db/schema'
import { inTransaction, type Tx } from '../db/tx'
import { AppError, notFound } from '../errors'
import { readRecipients } from '../notifications/elder-followers'
import { recordNotices, type Notice } from '../notifications/notify'
import { pushNotices } from '../notifications/push-notices'
import { doesRound, fetchRounds } from './round-view'

type RoundRow = typeof careRounds.$inferSelect

/** "Needs help" is told at once to the elder's bound family and every supervisor — not to the elder, nor anyone else. */
async function helpNotices(tx: Tx, r: RoundRow, note: string): Promise<Notice[]> {
  const [elder] = await tx.select({ name: elders.name }).from(elders).where(eq(elders.id, r.elderId))
  const family = (await readRecipients(tx, r.elderId)).filter((x) => !x.isElder).map((x) => x.userId)
  const supervisors = await tx.select({ id: users.id }).from(users).where(and(eq(users.role, 'supervisor'), isNull(users.disabledAt)))
  const title = `${elder.name}需要帮助`
  const body = `关爱巡访（${formatBusinessDateTime(r.dueAt)}）：${note}`
  return [...family, ...supervisors.map((s) => s.id)].map((userId) => ({ userId, entity: 'care_round' as const, entityId: r.id, title, body }))
}

/**
 * A worker records a round once: visited and well, not at home, needs help (with a note), or phoned. The round is
 * claimed by a conditional UPDATE (… WHERE status = 'open'), so of two workers recording at once one wins and the
 * other gets 409; "needs help" notices are written in the same transaction and pushed after commit.
 */
export async function recordRound(deps: Pick<AppDeps, 'database' | 'clock' | 'wechat' | 'config' | 'log'>, auth: Auth, roundId: number, body: RoundOutcomeRequest): Promise<CareRound> {
  const db = deps.database.db
  const now = deps.clock()
  const [round] = await db.select().from(careRounds).where(eq(careRounds.id, roundId)).limit(1)
  // Staff act on their own station's rounds, a supervisor on those no station covers; anyone else gets 404.
  if (!round || !doesRound(auth, round)) throw notFound('这次巡访')
  const notAgain = () => new AppError(409, 'ILLEGAL_TRANSITION', round.status === 'cancelled' ? '这次巡访的计划已经结束，不用再记录' : '这次巡访已经记录过了')
  if (round.status !== 'open') throw notAgain()
  const rule = ROUND_OUTCOME_RULES[body.outcome]
  const note = body.note || null
  const notices = await inTransaction(db, async (tx) => {
    const [res] = await tx.update(careRounds).set({ status: 'done', outcome: body.outcome, note, recordedBy: auth.userId, recordedAt: now, updatedAt: now }).where(and(eq(careRounds.id, round.id), eq(careRounds.status, 'open')))
    if (res.affectedRows !== 1) throw notAgain()
    await recordAudit(tx, { actorUserId: auth.userId, action: 'care_round.record', entity: 'care_round', entityId: round.id, detail: { outcome: body.outcome }, at: now })
    return rule.alert ? recordNotices(tx, await helpNotices(tx, round, note!), now) : []
  })
  if (notices.length) void pushNotices(db, deps.wechat, deps.config.push, deps.log, notices)
  const [view] = await fetchRounds(db, eq(careRounds.id, round.id), now, { limit: 1, order: 'asc' }, auth)
  return view
}
