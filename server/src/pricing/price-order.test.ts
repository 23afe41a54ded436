import fc from 'fast-check'
import { TIERS, HOURS_KINDS } from '@carecircle/shared'
import { priceOrder, type PriceInput } from './price-order'
import { weekStartOf, weeklyGrant, DEFAULT_HOURS_POLICY } from './hours-policy'

const base: PriceInput = {
  tier: 'low', tierVerified: true, priceVersionId: 7, item: { freeFen: 0, lowFen: 2000, paidFen: 4000 },
  durationMinutes: 60, hoursKind: 'housekeeping', hoursRemainingMinutes: 180,
  person: { elderName: '李建国', callerIsElder: true },
  weeks: { visit: '2026-11-30', today: '2026-11-30' },
}
/** The same order seen by a bound daughter booking for her mother. */
const forMother = { elderName: '王秀英', callerIsElder: false }

describe('priceOrder', () => {
  it('a low-tier elder with purchased minutes left pays nothing; the subsidy is the whole list price', () => {
    const p = priceOrder(base)
    expect(p).toMatchObject({ tier: 'low', listPriceFen: 4000, tierPriceFen: 2000, payableFen: 0, subsidyFen: 4000, hoursUsedMinutes: 60, hoursRemainingMinutes: 120 })
    expect(p.explanation).toBe('您是低偿服务对象，低偿价 ¥20.00；本周政府购买的家政时长还剩 3 小时，这次抵扣 1 小时，不用付钱')
  })

  it('charges pro rata what the last minutes of the week do not cover', () => {
    const p = priceOrder({ ...base, hoursRemainingMinutes: 20 })
    expect(p.hoursUsedMinutes).toBe(20)
    expect(p.payableFen).toBe(1333) // 2000 × 40/60, rounded half up
    expect(p.subsidyFen).toBe(4000 - 1333)
    expect(p.hoursRemainingMinutes).toBe(0)
  })

  it('never uses more minutes than are left, and none when the balance is empty', () => {
    const p = priceOrder({ ...base, hoursRemainingMinutes: 0 })
    expect(p).toMatchObject({ hoursUsedMinutes: 0, payableFen: 2000, subsidyFen: 2000 })
  })

  it('a paid elder pays the list price and uses no purchased minutes', () => {
    const p = priceOrder({ ...base, tier: 'paid' })
    expect(p).toMatchObject({ payableFen: 4000, subsidyFen: 0, hoursUsedMinutes: 0, hoursRemainingMinutes: null })
  })

  it('an unverified elder pays the paid price whatever tier they claim', () => {
    const p = priceOrder({ ...base, tier: 'free', tierVerified: false })
    expect(p).toMatchObject({ tier: 'paid', payableFen: 4000, hoursUsedMinutes: 0 })
    expect(p.explanation).toContain('尚未核实')
  })

  it('services outside the purchased kinds are charged at the tier price', () => {
    expect(priceOrder({ ...base, hoursKind: null, item: { freeFen: 0, lowFen: 1000, paidFen: 1800 } })).toMatchObject({ payableFen: 1000, subsidyFen: 800, hoursUsedMinutes: 0 })
  })

  it('keeps every amount an integer and payable + subsidy = list', () => {
    for (let remaining = 0; remaining <= 200; remaining += 7) {
      for (const tier of ['free', 'low', 'paid'] as const) {
        const p = priceOrder({ ...base, tier, hoursRemainingMinutes: remaining, durationMinutes: 45, item: { freeFen: 333, lowFen: 1777, paidFen: 3999 } })
        expect(Number.isInteger(p.payableFen) && Number.isInteger(p.subsidyFen)).toBe(true)
        expect(p.payableFen + p.subsidyFen).toBe(p.listPriceFen)
        expect(p.payableFen).toBeGreaterThanOrEqual(0)
      }
    }
  })
})

describe('the price explanation', () => {
  it('never repeats the amount payable (the screen says it once, beside the button)', () => {
    for (const tier of ['free', 'low', 'paid'] as const) {
      for (const remaining of [0, 30, 180]) expect(priceOrder({ ...base, tier, hoursRemainingMinutes: remaining }).explanation).not.toContain('需支付')
    }
  })

  it('speaks about the person served when family books, and to them (您) when they book themself', () => {
    const daughter = priceOrder({ ...base, tier: 'free', item: { freeFen: 0, lowFen: 2000, paidFen: 4000 }, person: forMother })
    expect(daughter.explanation).toBe('王秀英是无偿服务对象，这项服务不收费；本周政府购买的家政时长还剩 3 小时，这次抵扣 1 小时，不用付钱')
    expect(daughter.explanation).not.toContain('您')
    const herself = priceOrder({ ...base, tier: 'free', item: { freeFen: 0, lowFen: 2000, paidFen: 4000 }, person: { elderName: '王秀英', callerIsElder: true } })
    expect(herself.explanation.startsWith('您是无偿服务对象')).toBe(true)
    expect(herself.explanation).not.toContain('王秀英')
  })

  it('a 2-hour escort using the last purchased hour says plainly what the other hour costs', () => {
    const p = priceOrder({ ...base, durationMinutes: 120, hoursKind: 'medical', hoursRemainingMinutes: 60, item: { freeFen: 0, lowFen: 6000, paidFen: 12000 } })
    expect(p).toMatchObject({ payableFen: 3000, hoursUsedMinutes: 60, hoursRemainingMinutes: 0 })
    expect(p.explanation).toBe('您是低偿服务对象，低偿价 ¥60.00；本周政府购买的医疗时长还剩 1 小时，这次抵扣 1 小时；另 1 小时按低偿价 ¥30.00 支付')
  })

  it('partial minutes are named in hours and minutes, for the family too', () => {
    const p = priceOrder({ ...base, hoursRemainingMinutes: 20, person: forMother })
    expect(p.explanation).toBe('王秀英是低偿服务对象，低偿价 ¥20.00；本周政府购买的家政时长还剩 20 分钟，这次抵扣 20 分钟；另 40 分钟按低偿价 ¥13.33 支付')
  })

  it('says when the week\'s purchased minutes are used up', () => {
    expect(priceOrder({ ...base, hoursRemainingMinutes: 0, person: forMother }).explanation)
      .toBe('王秀英是低偿服务对象，低偿价 ¥20.00；本周政府购买的家政时长已用完，这次按低偿价 ¥20.00 支付')
  })

  it('a free elder whose tier price is not zero still hears what the uncovered part costs', () => {
    const p = priceOrder({ ...base, tier: 'free', hoursRemainingMinutes: 30, item: { freeFen: 1000, lowFen: 2000, paidFen: 4000 } })
    expect(p.explanation).toBe('您是无偿服务对象，无偿价 ¥10.00；本周政府购买的家政时长还剩 30 分钟，这次抵扣 30 分钟；另 30 分钟按无偿价 ¥5.00 支付')
  })

  it('paid and unverified elders: the price they pay and why, no purchased minutes', () => {
    expect(priceOrder({ ...base, tier: 'paid', person: forMother }).explanation).toBe('王秀英按原价 ¥40.00 支付')
    expect(priceOrder({ ...base, tier: 'low', tierVerified: false, person: forMother }).explanation).toBe('王秀英的补贴资格尚未核实，暂按原价 ¥40.00 支付')
    expect(priceOrder({ ...base, tier: 'low', tierVerified: false }).explanation).toBe('您的补贴资格尚未核实，暂按原价 ¥40.00 支付')
  })

  it('a Sunday booking of Monday names the week the minutes come from: 下周（12月7日起）, not 本周', () => {
    const sunday = new Date('2026-12-06T20:00:00+08:00')
    const monday = new Date('2026-12-07T09:00:00+08:00')
    const weeks = { visit: weekStartOf(monday), today: weekStartOf(sunday) }
    expect(priceOrder({ ...base, weeks }).explanation).toBe('您是低偿服务对象，低偿价 ¥20.00；下周（12月7日起）政府购买的家政时长还剩 3 小时，这次抵扣 1 小时，不用付钱')
    expect(priceOrder({ ...base, weeks, hoursRemainingMinutes: 0 }).explanation).toContain('；下周（12月7日起）政府购买的家政时长已用完，')
    // Booked on Monday for the same week; two weeks ahead names the week by its dates.
    expect(priceOrder({ ...base, weeks: { visit: '2026-12-07', today: '2026-12-07' } }).explanation).toContain('；本周政府购买的家政时长还剩 3 小时')
    expect(priceOrder({ ...base, weeks: { visit: '2026-12-14', today: '2026-11-30' } }).explanation).toContain('；12月14日–12月20日这一周政府购买的家政时长还剩 3 小时')
  })

  it('services outside the purchased kinds: the tier price, nothing about minutes', () => {
    expect(priceOrder({ ...base, hoursKind: null, item: { freeFen: 0, lowFen: 1000, paidFen: 1800 } }).explanation).toBe('您是低偿服务对象，低偿价 ¥10.00')
  })
})

describe('purchased hours policy', () => {
  it('grants 3 h housekeeping and 1 h medical a week to free and low elders, none to paid', () => {
    expect(weeklyGrant(DEFAULT_HOURS_POLICY, 'free', 'housekeeping')).toBe(180)
    expect(weeklyGrant(DEFAULT_HOURS_POLICY, 'low', 'medical')).toBe(60)
    expect(weeklyGrant(DEFAULT_HOURS_POLICY, 'paid', 'housekeeping')).toBe(0)
    // A supervisor's grant for one elder replaces the district's, kind by kind.
    expect(weeklyGrant(DEFAULT_HOURS_POLICY, 'low', 'housekeeping', { weeklyHousekeepingMinutes: 240, weeklyMedicalMinutes: null })).toBe(240)
    expect(weeklyGrant(DEFAULT_HOURS_POLICY, 'low', 'medical', { weeklyHousekeepingMinutes: 240, weeklyMedicalMinutes: null })).toBe(60)
    expect(weeklyGrant(DEFAULT_HOURS_POLICY, 'paid', 'housekeeping', { weeklyHousekeepingMinutes: 240, weeklyMedicalMinutes: null })).toBe(0)
  })

  it('weeks start on Monday 00:00 Asia/Shanghai', () => {
    expect(weekStartOf(new Date('2026-11-23T00:00:00+08:00'))).toBe('2026-11-23') // a Monday
    expect(weekStartOf(new Date('2026-11-22T23:59:00+08:00'))).toBe('2026-11-16') // Sunday night
    expect(weekStartOf(new Date('2026-11-22T16:30:00Z'))).toBe('2026-11-23') // Monday 00:30 in Shanghai
    expect(weekStartOf(new Date('2026-11-29T15:59:59Z'))).toBe('2026-11-23') // Sunday 23:59:59 in Shanghai
  })
})

describe('priceOrder for any input (property)', () => {
  it('payable is never above the tier price nor below zero; subsidy = list − payable; minutes used ≤ left and ≤ the visit', () => {
    const item = fc.tuple(fc.nat(1_000_000), fc.nat(1_000_000), fc.nat(1_000_000)).map((p) => p.sort((a, b) => a - b)).map(([freeFen, lowFen, paidFen]) => ({ freeFen, lowFen, paidFen }))
    fc.assert(
      fc.property(
        fc.constantFrom(...TIERS), fc.boolean(), item, fc.integer({ min: 1, max: 480 }), fc.constantFrom(null, ...HOURS_KINDS), fc.integer({ min: 0, max: 2400 }),
        (tier, tierVerified, priced, durationMinutes, hoursKind, hoursRemainingMinutes) => {
          const p = priceOrder({ ...base, tier, tierVerified, item: priced, durationMinutes, hoursKind, hoursRemainingMinutes })
          const tierPrice = !tierVerified || tier === 'paid' ? priced.paidFen : tier === 'low' ? priced.lowFen : priced.freeFen
          expect(p.tierPriceFen).toBe(tierPrice)
          expect(p.payableFen).toBeGreaterThanOrEqual(0)
          expect(p.payableFen).toBeLessThanOrEqual(tierPrice)
          expect(p.subsidyFen).toBe(p.listPriceFen - p.payableFen)
          expect(p.hoursUsedMinutes).toBeLessThanOrEqual(Math.min(hoursRemainingMinutes, durationMinutes))
          expect(Number.isInteger(p.payableFen)).toBe(true)
        },
      ),
      { numRuns: 1000 },
    )
  })
})
