import { and, eq, inArray, lte, or } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { AppDeps } from '../app'
import { complaintEvents, complaints } from '../db/schema'
import { inTransaction } from '../db/tx'
import { recordNotices } from '../notifications/notify'
import { pushNotices } from '../notifications/push-notices'
import { checkStep, dueAutomaticStep } from './complaint-policy'
import { enteredAt, noticesFor } from './step-complaint'
import { runEvery } from '../cluster/run-every'

const BATCH = 200

/**
 * Escalates complaints whose station missed a deadline and closes resolutions nobody answered in time.
 * Safe with any number of API processes: each complaint is claimed by a conditional UPDATE (… WHERE status = the
 * status read), so exactly one process moves it and writes its event; the others update no row and move on.
 */
export async function sweepComplaintDeadlines(deps: Pick<AppDeps, 'database' | 'clock' | 'complaintPolicy' | 'wechat' | 'config' | 'log'>): Promise<{ escalated: number; closed: number }> {
  const db = deps.database.db
  const now = deps.clock()
  const policy = deps.complaintPolicy
  const candidates = await db
    .select()
    .from(complaints)
    .where(
      or(
        and(eq(complaints.status, 'submitted'), lte(complaints.ackDueAt, now)),
        and(inArray(complaints.status, ['submitted', 'acknowledged']), lte(complaints.resolveDueAt, now)),
        and(eq(complaints.status, 'resolved'), lte(complaints.resolvedAt, new Date(now.getTime() - policy.reopenWithinMs))),
      ),
    )
    .limit(BATCH)
  const moved = { escalated: 0, closed: 0 }
  for (const c of candidates) {
    const action = dueAutomaticStep(c, now, policy)
    const verdict = action && checkStep(c, action, 'system', now, policy)
    if (!verdict || !verdict.ok) continue
    const to = verdict.step.to
    const message = to === 'escalated' ? (c.status === 'submitted' ? '驿站没有在 1 天内受理' : '驿站没有在 7 天内办结') : '办结 7 天内没有异议，自动办结'
    const notices = await inTransaction(db, async (tx) => {
      const [res] = await tx.update(complaints).set({ status: to, updatedAt: now, ...enteredAt(to, now), ...(to === 'escalated' ? { late: 1 } : {}) }).where(and(eq(complaints.id, c.id), eq(complaints.status, c.status)))
      if (res.affectedRows !== 1) return null // another process got there first
      await tx.insert(complaintEvents).values({ complaintId: c.id, actorUserId: null, actorRole: 'system', fromStatus: c.status, toStatus: to, message, at: now })
      const list = await noticesFor(tx, c, to, null, message)
      return recordNotices(tx, list.map((n) => ({ ...n, entity: 'complaint' as const, entityId: c.id })), now)
    })
    if (!notices) continue
    moved[to === 'escalated' ? 'escalated' : 'closed']++
    void pushNotices(db, deps.wechat, deps.config.push, deps.log, notices)
  }
  return moved
}

/** Runs the sweep every `everyMs` in this process; returns a stop function. */
export function startComplaintScheduler(deps: Parameters<typeof sweepComplaintDeadlines>[0], log: Logger, everyMs = 30_000): () => void {
  return runEvery(everyMs, log, 'complaint deadlines', () => sweepComplaintDeadlines(deps))
}
