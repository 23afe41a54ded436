import { ROUND_OUTCOMES } from '@carecircle/shared'
import { ROUND_OUTCOME_WORDS, coverageLine, dueText, noteRequired, roundLine, shareText, whatIfText } from './care-words'

const NOW = Date.parse('2026-11-24T10:00:00+08:00')

describe('care words', () => {
  it('says shares as percentages with one decimal, whole ones without', () => {
    expect(shareText(0.8136)).toBe('81.4%')
    expect(shareText(1)).toBe('100%')
    expect(shareText(0)).toBe('0%')
    expect(shareText(null)).toBe('没有老人')
    expect(coverageLine({ elders: 61, covered: 51, share: 51 / 61 })).toBe('61 位老人中 51 位在服务圈内，占 83.6%')
    expect(coverageLine({ elders: 0, covered: 0, share: null })).toBe('没有老人')
  })

  it('has words for every outcome; only 需要帮助 asks for a note', () => {
    expect(Object.keys(ROUND_OUTCOME_WORDS).sort()).toEqual([...ROUND_OUTCOMES].sort())
    expect(ROUND_OUTCOMES.filter(noteRequired)).toEqual(['needs_help'])
    expect(ROUND_OUTCOME_WORDS.visited_well.button.join('')).toBe('看过了，一切都好')
  })

  it('writes a timeline line by the day it was recorded, open ones by their due day', () => {
    const base = { dueAt: '2026-11-24T18:00:00+08:00', recordedAt: null, missed: false }
    expect(roundLine({ ...base, status: 'done', outcome: 'visited_well', recordedAt: '2026-11-24T09:30:00+08:00' })).toEqual({ date: '11月24日', words: '看过了，一切都好', tone: 'ok' })
    // Recorded just after midnight Shanghai time (the day before in UTC): the Shanghai day counts.
    expect(roundLine({ ...base, status: 'done', outcome: 'needs_help', recordedAt: '2026-11-24T16:30:00Z' }).date).toBe('11月25日')
    expect(roundLine({ ...base, status: 'open', outcome: null, missed: true })).toEqual({ date: '11月24日', words: '过了日子还没巡访', tone: 'bad' })
    expect(roundLine({ ...base, status: 'cancelled', outcome: null }).words).toBe('巡访已取消')
  })

  it('says when a task is due in days, not hours', () => {
    expect(dueText('2026-11-24T18:00:00+08:00', NOW)).toEqual({ words: '今天要办', overdue: false })
    expect(dueText('2026-11-25T18:00:00+08:00', NOW)).toEqual({ words: '明天要办', overdue: false })
    expect(dueText('2026-11-22T18:00:00+08:00', NOW)).toEqual({ words: '已超期 2 天', overdue: true })
    expect(dueText('2026-12-03T18:00:00+08:00', NOW)).toEqual({ words: '12月3日要办', overdue: false })
  })
})

describe('what-if words', () => {
  const res = { kind: 'station' as const, radiusMeters: 865, uncoveredBefore: 10 }
  it('says how many it would bring in, by tier, and that nothing is saved', () => {
    const text = whatIfText(res, { newlyCovered: 2, byTier: { free: 0, low: 1, paid: 1 }, shareAfter: 53 / 61 }, 51 / 61, true)
    expect(text).toBe('在最佳位置（地图上的★）建一个驿站（方圆约 865 米）：能新覆盖 2 位目前在服务圈外的老人（无偿 0 位、低偿 1 位、有偿 1 位），覆盖率从 83.6% 提高到 86.9%。这只是试算，没有保存。')
  })
  it('says so when a point brings no one in, or no one is outside', () => {
    expect(whatIfText({ ...res, kind: 'complex' }, { newlyCovered: 0, byTier: { free: 0, low: 0, paid: 0 }, shareAfter: 0.8 }, 0.8, false)).toContain('地图上★处建一个综合体（方圆约 865 米）：不能新覆盖')
    expect(whatIfText({ ...res, uncoveredBefore: 0 }, null, 1, true)).toBe('现在所有老人都在服务圈内，不需要再建站。')
  })
})
