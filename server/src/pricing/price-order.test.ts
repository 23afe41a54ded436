import { priceOrder, type PriceInput } from './price-order'
import { weekStartOf, DEFAULT_HOURS_POLICY } from './hours-policy'

const base: PriceInput = {
  tier: 'low', tierVerified: true, priceVersionId: 7, item: { freeFen: 0, lowFen: 2000, paidFen: 4000 },
  durationMinutes: 60, hoursKind: 'housekeeping', hoursRemainingMinutes: 180,
}

describe('priceOrder', () => {
  it('a low-tier elder with purchased minutes left pays nothing; the subsidy is the whole list price', () => {
    const p = priceOrder(base)
    expect(p).toMatchObject({ tier: 'low', listPriceFen: 4000, tierPriceFen: 2000, payableFen: 0, subsidyFen: 4000, hoursUsedMinutes: 60, hoursRemainingMinutes: 120 })
    expect(p.explanation).toContain('您需支付 ¥0.00')
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

describe('purchased hours policy', () => {
  it('grants 3 h housekeeping and 1 h medical a week to free and low elders, none to paid', () => {
    expect(DEFAULT_HOURS_POLICY.weeklyMinutes('free', 'housekeeping')).toBe(180)
    expect(DEFAULT_HOURS_POLICY.weeklyMinutes('low', 'medical')).toBe(60)
    expect(DEFAULT_HOURS_POLICY.weeklyMinutes('paid', 'housekeeping')).toBe(0)
  })

  it('weeks start on Monday 00:00 Asia/Shanghai', () => {
    expect(weekStartOf(new Date('2026-11-23T00:00:00+08:00'))).toBe('2026-11-23') // a Monday
    expect(weekStartOf(new Date('2026-11-22T23:59:00+08:00'))).toBe('2026-11-16') // Sunday night
    expect(weekStartOf(new Date('2026-11-22T16:30:00Z'))).toBe('2026-11-23') // Monday 00:30 in Shanghai
    expect(weekStartOf(new Date('2026-11-29T15:59:59Z'))).toBe('2026-11-23') // Sunday 23:59:59 in Shanghai
  })
})
