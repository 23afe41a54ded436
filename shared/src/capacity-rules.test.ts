import { describeRuleOverlap, findRuleOverlaps } from './capacity-rules'
import { ZCapacityRulesBody } from './stations'

const rule = (category: string, openMinute: number, closeMinute: number) => ({ category, openMinute, closeMinute })

describe('findRuleOverlaps', () => {
  it('finds rules of one category whose hours overlap, and names each pair once', () => {
    const rules = [rule('meal', 480, 720), rule('meal', 660, 840), rule('meal', 600, 630)]
    expect(findRuleOverlaps(rules)).toEqual([
      { first: 0, second: 1, category: 'meal' },
      { first: 0, second: 2, category: 'meal' },
    ])
  })

  it('identical hours overlap', () => {
    expect(findRuleOverlaps([rule('care', 480, 720), rule('care', 480, 720)])).toHaveLength(1)
  })

  it('touching ends and other categories do not overlap', () => {
    expect(findRuleOverlaps([rule('meal', 480, 720), rule('meal', 720, 840), rule('care', 600, 700)])).toEqual([])
    expect(findRuleOverlaps([])).toEqual([])
  })

  it('describes an overlap in words a station admin recognises', () => {
    const rules = [rule('meal', 480, 720), rule('meal', 660, 840)]
    expect(describeRuleOverlap(rules, findRuleOverlaps(rules)[0]!, '助餐')).toBe(
      '助餐的第 1 条（08:00–12:00）和第 2 条（11:00–14:00）时间重叠，同一类服务的时间段不能重叠，请合并或调整',
    )
  })
})

describe('ZCapacityRulesBody', () => {
  it('refuses overlapping rules with a message naming them', () => {
    const r = ZCapacityRulesBody.safeParse({
      rules: [
        { category: 'meal', openMinute: 480, closeMinute: 720, slotMinutes: 60, capacity: 5 },
        { category: 'meal', openMinute: 660, closeMinute: 780, slotMinutes: 60, capacity: 7 },
      ],
    })
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.message).toMatch(/第 1 条（08:00–12:00）和第 2 条（11:00–13:00）时间重叠/)
  })
})
