import {
  complaintStepNow, COMPLAINT_STATUS_LABELS, HOTLINE, isFinalAnswer, toBusinessIso,
  type ComplaintAction, type ComplaintParty, type ComplaintStatus, type ComplaintStep,
} from '@carecircle/shared'

/** Deadlines, per city or district behind one interface (seed 001 #17); the default is the brief's 1 and 7 days. */
export interface ComplaintPolicy {
  /** The station acknowledges (受理) within this long of filing. */
  acknowledgeWithinMs: number
  /** The station resolves (办结) within this long of filing. */
  resolveWithinMs: number
  /** The complainant may reopen (or confirm) within this long of a resolution; after it the complaint closes. How often: the shared lifecycle. */
  reopenWithinMs: number
}

const DAY = 86_400_000
export const DEFAULT_COMPLAINT_POLICY: ComplaintPolicy = { acknowledgeWithinMs: DAY, resolveWithinMs: 7 * DAY, reopenWithinMs: 7 * DAY }

/** What a step needs to know about the complaint. */
export interface ComplaintFacts {
  status: ComplaintStatus
  createdAt: Date
  resolvedAt: Date | null
  reopenCount: number
}

export function dueDates(createdAt: Date, policy: ComplaintPolicy = DEFAULT_COMPLAINT_POLICY) {
  return { ackDueAt: new Date(createdAt.getTime() + policy.acknowledgeWithinMs), resolveDueAt: new Date(createdAt.getTime() + policy.resolveWithinMs) }
}

export type StepVerdict = { ok: true; step: ComplaintStep } | { ok: false; reason: string }

/** The declared lifecycle (which also counts the one reopen), then the guard it cannot express: the reopen window. */
export function checkStep(c: ComplaintFacts, action: ComplaintAction, party: ComplaintParty, now: Date, policy: ComplaintPolicy = DEFAULT_COMPLAINT_POLICY): StepVerdict {
  const step = complaintStepNow(action, c, party)
  if (!step) {
    if (action === 'reopen' && c.status === 'resolved' && party === 'complainant') {
      return { ok: false, reason: `这条投诉已经重新投诉过一次，这是最终答复，不能再重新投诉；如仍有问题请拨打 ${HOTLINE}，或就新的问题另外投诉` }
    }
    return { ok: false, reason: `投诉现在是“${COMPLAINT_STATUS_LABELS[c.status]}”，不能进行这一步` }
  }
  if (action === 'reopen' && c.resolvedAt && now.getTime() > c.resolvedAt.getTime() + policy.reopenWithinMs) return { ok: false, reason: '办结已超过 7 天，不能再重新投诉；如有新问题请另外投诉' }
  return { ok: true, step }
}

/** The automatic step a deadline makes due now, if any: escalate a late station, close an unanswered resolution. */
export function dueAutomaticStep(c: ComplaintFacts & { ackDueAt: Date; resolveDueAt: Date }, now: Date, policy: ComplaintPolicy = DEFAULT_COMPLAINT_POLICY): ComplaintAction | null {
  const t = now.getTime()
  if (c.status === 'submitted' && t >= c.ackDueAt.getTime()) return 'escalate'
  if ((c.status === 'submitted' || c.status === 'acknowledged') && t >= c.resolveDueAt.getTime()) return 'escalate'
  if (c.status === 'resolved' && c.resolvedAt && t >= c.resolvedAt.getTime() + policy.reopenWithinMs) return 'confirm'
  return null
}

const two = (n: number) => String(n).padStart(2, '0')
/** 2026-12-03T18:00:00+08:00 → "12月3日 18:00" (business time). */
export function plainDateTime(d: Date): string {
  const iso = toBusinessIso(d)
  return `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 ${iso.slice(11, 13)}:${two(Number(iso.slice(14, 16)))}`
}

/** The next deadline in plain words, as the complainant and the station read it; null when none is running. */
export function nextDeadlineText(c: ComplaintFacts & { ackDueAt: Date; resolveDueAt: Date }, policy: ComplaintPolicy = DEFAULT_COMPLAINT_POLICY): string | null {
  switch (c.status) {
    case 'submitted':
      return `驿站应在 ${plainDateTime(c.ackDueAt)} 前受理`
    case 'acknowledged':
      return `驿站应在 ${plainDateTime(c.resolveDueAt)} 前办结`
    case 'resolved':
      if (!c.resolvedAt) return null
      // The same instant ends the reopen window and closes the complaint by itself (dueAutomaticStep).
      return isFinalAnswer(c)
        ? `如无异议，将在 ${plainDateTime(new Date(c.resolvedAt.getTime() + policy.reopenWithinMs))} 自动办结`
        : `如不满意，可在 ${plainDateTime(new Date(c.resolvedAt.getTime() + policy.reopenWithinMs))} 前重新投诉`
    case 'reopened':
    case 'escalated':
      return '民政部门正在督办'
    case 'closed':
      return null
  }
}
