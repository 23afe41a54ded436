import { dueText, stationDeadlineBadge, statusTone } from './complaint-words'

// 2026-12-02 10:00 in Shanghai.
const NOW = Date.parse('2026-12-02T10:00:00+08:00')
const base = { status: 'submitted' as const, overdue: false, ackDueAt: '2026-12-02T18:00:00+08:00', resolveDueAt: '2026-12-09T10:00:00+08:00' }

describe('complaint deadlines in words', () => {
  it('says today, tomorrow or the date, in Shanghai time', () => {
    expect(dueText('2026-12-02T18:00:00+08:00', NOW)).toBe('今天 18:00')
    expect(dueText('2026-12-02T16:30:00Z', NOW)).toBe('明天 00:30')
    expect(dueText('2026-12-09T10:00:00+08:00', NOW)).toBe('12月9日 10:00')
  })

  it('badges what the station must do next, and by when', () => {
    expect(stationDeadlineBadge(base, NOW)).toEqual({ text: '今天 18:00 前受理', tone: 'warn' })
    expect(stationDeadlineBadge({ ...base, status: 'acknowledged' }, NOW)).toEqual({ text: '12月9日 10:00 前办结', tone: 'info' })
  })

  it('says 已超时 in words once the deadline has passed, even before the server marks it', () => {
    expect(stationDeadlineBadge({ ...base, ackDueAt: '2026-12-02T09:00:00+08:00' }, NOW)).toEqual({ text: '已超时：应在今天 09:00 前受理', tone: 'bad' })
    expect(stationDeadlineBadge({ ...base, overdue: true }, NOW)?.text).toMatch(/^已超时/)
  })

  it('has no badge when nothing is running for the station', () => {
    for (const status of ['resolved', 'reopened', 'escalated', 'closed'] as const) expect(stationDeadlineBadge({ ...base, status }, NOW)).toBeNull()
    expect(statusTone({ status: 'escalated', overdue: false })).toBe('warn')
    expect(statusTone({ status: 'submitted', overdue: true })).toBe('bad')
  })
})
