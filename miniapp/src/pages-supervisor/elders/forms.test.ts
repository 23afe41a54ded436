import { adjustBody, tierBody } from './forms'
import { recentMonths } from '../subsidy/months'

describe('tierBody', () => {
  it('takes the tier from the category and ends an expiry at the end of the day', () => {
    expect(tierBody('age_90_plus', ' 查看了身份证 ', '2027-06-30')).toEqual({
      ok: true,
      body: { tier: 'free', category: 'age_90_plus', reason: '查看了身份证', expiresAt: '2027-06-30T23:59:59+08:00' },
    })
    expect(tierBody('empty_nest', '子女在外地，社区走访', null)).toEqual({ ok: true, body: { tier: 'low', category: 'empty_nest', reason: '子女在外地，社区走访' } })
  })

  it('asks for the category and for a reason', () => {
    expect(tierBody(null, '看了低保证', null)).toEqual({ ok: false, problem: '请选择老人的类别，例如低保、90 岁以上、空巢' })
    expect(tierBody('dibao', ' ', null)).toMatchObject({ ok: false, problem: expect.stringContaining('请写明认定依据') })
  })
})

describe('adjustBody', () => {
  it('signs the minutes by the direction chosen', () => {
    expect(adjustBody('medical', -1, '30', '重复发放')).toEqual({ ok: true, body: { kind: 'medical', minutes: -30, reason: '重复发放' } })
  })

  it('refuses what is not a whole number of minutes, zero, too much, or no reason', () => {
    expect(adjustBody('housekeeping', 1, '1.5', '补回')).toEqual({ ok: false, problem: '请填写分钟数（整数），例如 30 或 60' })
    expect(adjustBody('housekeeping', 1, '0', '补回')).toMatchObject({ ok: false, problem: '调整的时长不能为 0' })
    expect(adjustBody('housekeeping', 1, '700', '补回')).toMatchObject({ ok: false, problem: '一次最多增加 600 分钟' })
    expect(adjustBody('housekeeping', 1, '30', '')).toMatchObject({ ok: false, problem: '请写明调整原因' })
  })
})

describe('recentMonths', () => {
  it('counts back across the new year in business time', () => {
    // 2027-01-01 00:30 in Shanghai is still 2026-12-31 in UTC.
    expect(recentMonths(3, Date.parse('2027-01-01T00:30:00+08:00'))).toEqual([
      { month: '2027-01', label: '本月', sub: '2027年1月' },
      { month: '2026-12', label: '上月', sub: '2026年12月' },
      { month: '2026-11', label: '11月', sub: '2026年11月' },
    ])
  })
})
