import { ROUND_OUTCOMES } from '@carecircle/shared'
import { ROUND_OUTCOME_WORDS, coverageLine, dueText, noteRequired, roundLine, shareText } from './care-words'

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
    expect(ROUND_OUTCOME_WORDS.visited_well.button).toBe('看过了，一切都好')
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
