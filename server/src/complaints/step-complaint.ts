import { eq, sql } from 'drizzle-orm'
import { COMPLAINT_ACTIONS_NEEDING_MESSAGE, type Complaint, type ComplaintAction, type ComplaintParty, type ComplaintStatus, type ComplaintStepBody } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { complaintEvents, complaints } from '../db/schema'
import { inTransaction, type Tx } from '../db/tx'
import { AppError, forbidden, notFound } from '../errors'
import { recordNotices, type Notice } from '../notifications/notify'
import { pushNotices } from '../notifications/push-notices'
import { elderFollowers } from '../notifications/elder-followers'
import { partyFor, type ComplaintRow } from './complaint-access'
import { checkStep } from './complaint-policy'
import { recordAudit } from '../audit/record-audit'
import { stationAdminIds, supervisorIds } from './complaint-view'
import { getComplaint } from './get-complaint'

const TITLES: Record<ComplaintStatus, string> = {
  submitted: '投诉已提交',
  acknowledged: '驿站已受理您的投诉',
  resolved: '您的投诉有了答复',
  reopened: '投诉已转民政部门督办',
  escalated: '投诉已转民政部门督办',
  closed: '投诉已办结',
}

/**
 * Who hears of a step: the complainant's side (but not of their own tap), the station and supervisors when it
 * concerns them. The complainant's side is the one who filed it while they may still act for the elder; once they may
 * not (a revoked relative), the elder and the relatives bound now — the complaint stays with the elder.
 * `supervisors`: the list already read (a sweep reads it once for its whole batch).
 */
export async function noticesFor(tx: Tx, c: ComplaintRow, to: ComplaintStatus, actorUserId: number | null, message: string | null, supervisors?: number[]): Promise<Omit<Notice, 'entity' | 'entityId'>[]> {
  const out: Omit<Notice, 'entity' | 'entityId'>[] = []
  for (const userId of await complainantSide(tx, c)) if (userId !== actorUserId) out.push({ userId, title: TITLES[to], body: message ?? TITLES[to] })
  if (to === 'reopened') for (const userId of await stationAdminIds(tx, c.stationId)) out.push({ userId, title: '投诉人不满意，已转督办', body: '请配合民政部门督办' })
  if (to === 'escalated' || to === 'reopened') for (const userId of supervisors ?? (await supervisorIds(tx))) out.push({ userId, title: '有投诉需要督办', body: to === 'reopened' ? '投诉人对驿站的答复不满意' : '驿站没有在期限内处理' })
  return out
}

async function complainantSide(tx: Tx, c: ComplaintRow): Promise<number[]> {
  if (c.elderId === null) return [c.complainantUserId]
  const followers = await elderFollowers(tx, c.elderId)
  return followers.includes(c.complainantUserId) ? [c.complainantUserId] : followers
}

/** The timestamp a status records when it is entered. */
export function enteredAt(to: ComplaintStatus, now: Date) {
  switch (to) {
    case 'acknowledged':
      return { acknowledgedAt: now }
    case 'resolved':
      return { resolvedAt: now }
    case 'escalated':
    case 'reopened':
      return { escalatedAt: now }
    case 'closed':
      return { closedAt: now }
    default:
      return {}
  }
}

/**
 * One step of the declared lifecycle: visibility (404), then who may act (403), then the state guard under
 * the row lock (409); the change, its event and its notices commit together, pushes go after commit.
 */
export async function stepComplaint(deps: AppDeps, auth: Auth, id: number, action: ComplaintAction, body: ComplaintStepBody): Promise<Complaint> {
  const db = deps.database.db
  const [found] = await db.select().from(complaints).where(eq(complaints.id, id)).limit(1)
  const party: ComplaintParty | null = found ? await partyFor(db, auth, found) : null
  if (!found || !party) throw notFound('这条投诉')
  if (party === 'station' && auth.role !== 'station_admin') throw forbidden('投诉由驿站管理员答复，请联系您的驿站管理员')
  const message = body.message || null
  if (!message && COMPLAINT_ACTIONS_NEEDING_MESSAGE.includes(action)) throw new AppError(400, 'VALIDATION_FAILED', action === 'reopen' ? '请说明哪里不满意' : '请写下答复或理由')
  if (body.refundFen !== undefined && action !== 'resolve') throw new AppError(400, 'VALIDATION_FAILED', '只有答复办结时可以填写退款金额')

  const notices = await inTransaction(db, async (tx) => {
    const now = deps.clock()
    const [c] = await tx.select().from(complaints).where(eq(complaints.id, id)).for('update')
    const verdict = checkStep(c, action, party, now, deps.complaintPolicy)
    if (!verdict.ok) throw new AppError(409, 'ILLEGAL_TRANSITION', verdict.reason)
    const to = verdict.step.to
    await tx
      .update(complaints)
      .set({
        status: to, updatedAt: now, ...enteredAt(to, now),
        // A decision that names no refund keeps the one the station recorded: the complainant's screen must not lose it.
        ...(action === 'resolve' && body.refundFen !== undefined ? { refundFen: body.refundFen } : {}),
        ...(action === 'reopen' ? { reopenCount: sql`${complaints.reopenCount} + 1` } : {}),
      })
      .where(eq(complaints.id, id))
    await tx.insert(complaintEvents).values({ complaintId: id, actorUserId: auth.userId, actorRole: auth.role, fromStatus: c.status, toStatus: to, message, at: now })
    // Every supervisor action is audited (seed 001 #17); the station's and complainant's steps are the complaint's own events.
    if (party === 'supervisor') await recordAudit(tx, { actorUserId: auth.userId, action: `complaint.${action}`, entity: 'complaint', entityId: id, detail: { from: c.status, to, ...(body.refundFen !== undefined ? { refundFen: body.refundFen } : {}) }, at: now })
    const list = await noticesFor(tx, c, to, auth.userId, message)
    return recordNotices(tx, list.map((n) => ({ ...n, entity: 'complaint' as const, entityId: id })), now)
  })
  void pushNotices(db, deps.wechat, deps.config.push, deps.log, notices)
  return getComplaint(deps, auth, id)
}
