import { and, eq, inArray, lte, or } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { ComplaintStatus } from '@carecircle/shared'
import type { AppDeps } from '../app'
import { complaintEvents, complaints } from '../db/schema'
import { inTransaction } from '../db/tx'
import { recordNotices, type Notice } from '../notifications/notify'
import { pushNotices } from '../notifications/push-notices'
import { checkStep, dueAutomaticStep } from './complaint-policy'
import type { ComplaintRow } from './complaint-access'
import { supervisorIds } from './complaint-view'
import { enteredAt, noticesFor } from './step-complaint'
import { runEvery } from '../cluster/run-every'

/** Complaints moved per transaction: bounded, so no transaction holds many locks for long. */
const BATCH = 200

type Sweep = Pick<AppDeps, 'database' | 'clock' | 'complaintPolicy' | 'wechat' | 'config' | 'log'>

/**
 * Escalates complaints whose station missed a deadline and closes resolutions nobody answered in time, batch after
 * batch until none is left, so a backlog of thousands is cleared in one run (a few seconds), not 200 per tick.
 * Safe with any number of API processes: each batch locks its complaints (SELECT … FOR UPDATE, in id order) and
 * moves only those still in the status it read, with a conditional UPDATE (… WHERE status = the status read), so
 * exactly one process moves each complaint and writes its event and notices; the others move none of them.
 */
export async function sweepComplaintDeadlines(deps: Sweep): Promise<{ escalated: number; closed: number }> {
  const moved = { escalated: 0, closed: 0 }
  for (;;) {
    const batch = await sweepBatch(deps)
    moved.escalated += batch.escalated
    moved.closed += batch.closed
    // A short batch was the last; one that moved nothing was taken by another process, which goes on.
    if (batch.read < BATCH || batch.escalated + batch.closed === 0) return moved
  }
}

async function sweepBatch(deps: Sweep): Promise<{ read: number; escalated: number; closed: number }> {
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
  const steps = candidates
    .map((c) => {
      const action = dueAutomaticStep(c, now, policy)
      const verdict = action && checkStep(c, action, 'system', now, policy)
      return verdict && verdict.ok ? { c, to: verdict.step.to } : null
    })
    .filter((s) => s !== null)
    .sort((a, b) => a.c.id - b.c.id)
  if (steps.length === 0) return { read: candidates.length, escalated: 0, closed: 0 }
  const supervisors = steps.some((s) => s.to === 'escalated') ? await supervisorIds(db) : []

  const { notices, taken } = await inTransaction(db, async (tx) => {
    const locked = await tx.select({ id: complaints.id, status: complaints.status }).from(complaints).where(inArray(complaints.id, steps.map((s) => s.c.id))).orderBy(complaints.id).for('update')
    const statusNow = new Map(locked.map((r) => [r.id, r.status]))
    // Another process moved the rest first (it held their locks until its commit).
    const ours = steps.filter((s) => statusNow.get(s.c.id) === s.c.status)
    const groups = new Map<string, { from: ComplaintStatus; to: ComplaintStatus; ids: number[] }>()
    for (const s of ours) {
      const key = `${s.c.status}>${s.to}`
      const g = groups.get(key) ?? groups.set(key, { from: s.c.status, to: s.to, ids: [] }).get(key)!
      g.ids.push(s.c.id)
    }
    for (const g of groups.values()) {
      await tx
        .update(complaints)
        .set({ status: g.to, updatedAt: now, ...enteredAt(g.to, now), ...(g.to === 'escalated' ? { late: 1 } : {}) })
        .where(and(inArray(complaints.id, g.ids), eq(complaints.status, g.from)))
    }
    if (ours.length === 0) return { notices: [] as Notice[], taken: ours }
    await tx.insert(complaintEvents).values(ours.map((s) => ({ complaintId: s.c.id, actorUserId: null, actorRole: 'system' as const, fromStatus: s.c.status, toStatus: s.to, message: messageOf(s.c, s.to), at: now })))
    const list: Notice[] = []
    for (const s of ours) {
      for (const n of await noticesFor(tx, s.c, s.to, null, messageOf(s.c, s.to), supervisors)) list.push({ ...n, entity: 'complaint', entityId: s.c.id })
    }
    return { notices: await recordNotices(tx, list, now), taken: ours }
  })
  void pushNotices(db, deps.wechat, deps.config.push, deps.log, notices)
  const escalated = taken.filter((s) => s.to === 'escalated').length
  return { read: candidates.length, escalated, closed: taken.length - escalated }
}

function messageOf(c: ComplaintRow, to: ComplaintStatus): string {
  return to === 'escalated' ? (c.status === 'submitted' ? '驿站没有在 1 天内受理' : '驿站没有在 7 天内办结') : '办结 7 天内没有异议，自动办结'
}

/** Runs the sweep every `everyMs` in this process; returns a stop function. */
export function startComplaintScheduler(deps: Sweep, log: Logger, everyMs = 30_000): () => void {
  return runEvery(everyMs, log, 'complaint deadlines', () => sweepComplaintDeadlines(deps))
}
