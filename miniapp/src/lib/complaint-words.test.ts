import { deadlineWords, dueText, latestAnswer, stationDeadlineBadge, statusTone, statusWords } from './complaint-words'

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

describe('words for each reader', () => {
  const resolved = { status: 'resolved' as const, statusLabel: '已办结，请您确认', nextDeadline: '如不满意，可在 12月9日 08:00 前重新投诉' }
  it('asks the complainant to confirm, and tells the station and the supervisor that the complainant will', () => {
    expect(statusWords(resolved, 'elder')).toBe('已办结，请您确认')
    expect(statusWords(resolved, 'station_admin')).toBe('已答复，等投诉人确认')
    expect(statusWords({ status: 'submitted', statusLabel: '已提交，等待驿站受理' }, 'supervisor')).toBe('等驿站受理')
    expect(deadlineWords(resolved, 'family')).toBe('如不满意，可在 12月9日 08:00 前重新投诉')
    expect(deadlineWords(resolved, 'supervisor')).toBe('投诉人如不满意，可在 12月9日 08:00 前重新投诉')
  })

  it('puts the latest answer first: the supervisor’s decision over the station’s earlier one', () => {
    const ev = (toStatus: 'resolved' | 'reopened', actor: string, message: string) => ({ at: '2026-12-02T08:00:00+08:00', fromStatus: null, toStatus, actor, message, text: '' })
    const events = [ev('resolved', '驿站', '已退 30 元'), ev('reopened', '王秀英（老人）', '钱没有退'), ev('resolved', '民政部门', '责令驿站三日内退款')]
    expect(latestAnswer({ status: 'resolved', events })).toEqual({ who: '民政部门的督办决定', message: '责令驿站三日内退款' })
    expect(latestAnswer({ status: 'resolved', events: events.slice(0, 1) })).toEqual({ who: '驿站的答复', message: '已退 30 元' })
    expect(latestAnswer({ status: 'reopened', events })).toBeNull()
  })
})
