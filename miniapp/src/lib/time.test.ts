import { businessDate, formatDateCn, formatTime, dayLabel } from './time'
import { reachText, minutesText } from './words'

describe('Asia/Shanghai dates', () => {
  it('the business day turns at midnight in Shanghai, not UTC', () => {
    const lateUtc = Date.parse('2026-11-23T16:30:00Z') // 00:30 on the 24th in Shanghai
    expect(businessDate(0, lateUtc)).toBe('2026-11-24')
    expect(businessDate(1, lateUtc)).toBe('2026-11-25')
  })

  it('formats instants and bare dates as a person reads them', () => {
    expect(formatDateCn('2026-11-22T16:00:00Z')).toBe('2026年11月23日')
    expect(formatDateCn('2026-11-23')).toBe('2026年11月23日')
    expect(formatTime('2026-11-24T09:00:00+08:00')).toBe('09:00')
    expect(dayLabel('2026-11-23', 0)).toEqual({ name: '今天', date: '11月23日 周一' })
  })

  it('says distances and times in plain words', () => {
    expect(reachText(650, 9)).toBe('步行约 9 分钟 · 650 米')
    expect(reachText(2300, 8, 'ebike')).toBe('骑电动车约 8 分钟 · 2.3 公里')
    expect(minutesText(90)).toBe('1 小时 30 分钟')
  })
})
