import { checkStep, dueAutomaticStep, dueDates, nextDeadlineText, DEFAULT_COMPLAINT_POLICY } from './complaint-policy'

const filed = new Date('2026-12-02T10:00:00+08:00')
const HOUR = 3_600_000
const { ackDueAt, resolveDueAt } = dueDates(filed)
const base = { createdAt: filed, resolvedAt: null, reopenCount: 0, ackDueAt, resolveDueAt }

describe('complaint deadlines and guards', () => {
  it('sets the deadlines 1 and 7 days after filing, said in business time', () => {
    expect(ackDueAt.toISOString()).toBe('2026-12-03T02:00:00.000Z')
    expect(resolveDueAt.toISOString()).toBe('2026-12-09T02:00:00.000Z')
    expect(nextDeadlineText({ ...base, status: 'submitted' })).toBe('驿站应在 12月3日 10:00 前受理')
    expect(nextDeadlineText({ ...base, status: 'acknowledged' })).toBe('驿站应在 12月9日 10:00 前办结')
  })

  it('offers a reopen in the deadline words only while one is left (issue 15 #14: the final answer never says 重新投诉)', () => {
    const resolvedAt = new Date('2026-12-06T12:04:00+08:00')
    expect(nextDeadlineText({ ...base, status: 'resolved', resolvedAt })).toBe('如不满意，可在 12月13日 12:04 前重新投诉')
    expect(nextDeadlineText({ ...base, status: 'resolved', resolvedAt, reopenCount: 1 })).toBe('如无异议，将在 12月13日 12:04 自动办结')
  })

  it('escalates a complaint not acknowledged within a day, to the minute', () => {
    expect(dueAutomaticStep({ ...base, status: 'submitted' }, new Date(ackDueAt.getTime() - 1))).toBeNull()
    expect(dueAutomaticStep({ ...base, status: 'submitted' }, ackDueAt)).toBe('escalate')
    expect(dueAutomaticStep({ ...base, status: 'acknowledged' }, ackDueAt)).toBeNull()
  })

  it('escalates an acknowledged complaint not resolved within 7 days', () => {
    expect(dueAutomaticStep({ ...base, status: 'acknowledged' }, new Date(resolveDueAt.getTime() - 1))).toBeNull()
    expect(dueAutomaticStep({ ...base, status: 'acknowledged' }, resolveDueAt)).toBe('escalate')
  })

  it('closes a resolution nobody answered after 7 days, and nothing else', () => {
    const resolvedAt = new Date(filed.getTime() + 2 * HOUR)
    const c = { ...base, status: 'resolved' as const, resolvedAt }
    expect(dueAutomaticStep(c, new Date(resolvedAt.getTime() + DEFAULT_COMPLAINT_POLICY.reopenWithinMs - 1))).toBeNull()
    expect(dueAutomaticStep(c, new Date(resolvedAt.getTime() + DEFAULT_COMPLAINT_POLICY.reopenWithinMs))).toBe('confirm')
    for (const status of ['escalated', 'reopened', 'closed'] as const) expect(dueAutomaticStep({ ...base, status }, new Date(filed.getTime() + 30 * 24 * HOUR))).toBeNull()
  })

  it('lets the complainant reopen once, within 7 days of the resolution', () => {
    const resolvedAt = new Date(filed.getTime() + 2 * HOUR)
    const c = { ...base, status: 'resolved' as const, resolvedAt }
    expect(checkStep(c, 'reopen', 'complainant', new Date(resolvedAt.getTime() + HOUR))).toMatchObject({ ok: true, step: { to: 'reopened' } })
    expect(checkStep({ ...c, reopenCount: 1 }, 'reopen', 'complainant', new Date(resolvedAt.getTime() + HOUR))).toMatchObject({ ok: false })
    expect(checkStep(c, 'reopen', 'complainant', new Date(resolvedAt.getTime() + 8 * 24 * HOUR))).toMatchObject({ ok: false })
  })

  it('refuses a step the table does not allow, naming the status in plain words', () => {
    const v = checkStep({ ...base, status: 'closed' }, 'respond', 'station', filed)
    expect(v).toEqual({ ok: false, reason: '投诉现在是“已结束”，不能进行这一步' })
  })
})
