import fc from 'fast-check'
import { MAX_PRICE_FEN, isEffectiveTimeAllowed, priceItemProblem, ZPriceVersionRequest } from './price-versions'

const item = (paidFen: number, lowFen: number, freeFen: number, serviceId = 1) => ({ serviceId, paidFen, lowFen, freeFen })
const price = fc.integer({ min: -2 * MAX_PRICE_FEN, max: 2 * MAX_PRICE_FEN })

describe('priceItemProblem', () => {
  it('accepts exactly the tier-ordered prices in range: 0 ≤ free ≤ low ≤ paid ≤ ¥10,000', () => {
    fc.assert(
      fc.property(price, price, price, (paid, low, free) => {
        const valid = 0 <= free && free <= low && low <= paid && paid <= MAX_PRICE_FEN
        expect(priceItemProblem([item(paid, low, free)]) === null).toBe(valid)
      }),
      { numRuns: 2000 },
    )
  })

  it('accepts every ordered triple in range (generated ordered, so the valid side is well covered)', () => {
    const ordered = fc.tuple(fc.integer({ min: 0, max: MAX_PRICE_FEN }), fc.integer({ min: 0, max: MAX_PRICE_FEN }), fc.integer({ min: 0, max: MAX_PRICE_FEN }))
      .map((t) => [...t].sort((a, b) => a - b) as [number, number, number])
    fc.assert(fc.property(ordered, ([free, low, paid]) => expect(priceItemProblem([item(paid, low, free)])).toBeNull()))
  })

  it('names the service and the kind of problem', () => {
    const names = () => '居家保洁'
    expect(priceItemProblem([item(4000, 5000, 0)], names)).toEqual({ code: 'PRICE_TIERS_OUT_OF_ORDER', index: 0, message: '“居家保洁”的优惠价高于标准价 ¥40.00，请检查' })
    expect(priceItemProblem([item(4000, 1000, 2000)], names)).toMatchObject({ code: 'PRICE_TIERS_OUT_OF_ORDER', message: expect.stringContaining('无偿价 ¥20.00 高于低偿价 ¥10.00') })
    expect(priceItemProblem([item(4000, 2000, -1)], names)).toMatchObject({ code: 'PRICE_OUT_OF_RANGE', message: '“居家保洁”的无偿价不能为负数' })
    expect(priceItemProblem([item(MAX_PRICE_FEN + 1, 0, 0)], names)).toMatchObject({ code: 'PRICE_OUT_OF_RANGE', message: expect.stringContaining('¥10000.00') })
    expect(priceItemProblem([item(MAX_PRICE_FEN, MAX_PRICE_FEN, MAX_PRICE_FEN)], names)).toBeNull()
  })

  it('refuses a service listed twice, pointing at the second', () => {
    expect(priceItemProblem([item(100, 50, 0, 3), item(200, 50, 0, 4), item(100, 50, 0, 3)])).toMatchObject({ code: 'DUPLICATE_SERVICE', index: 2 })
  })
})

describe('the request', () => {
  const base = { effectiveFrom: '2026-12-01T00:00:00+08:00', items: [{ serviceId: 2, unit: '小时', content: '打扫', paidFen: 4000, lowFen: 2000, freeFen: 0 }] }
  it('reads a board with an effective time carrying its offset, and cleans typed text', () => {
    const req = ZPriceVersionRequest.parse({ ...base, items: [{ ...base.items[0], content: '打扫\u202E卫生间' }] })
    expect(req.items[0]!.content).toBe('打扫卫生间')
  })
  it.each([
    ['no offset', { ...base, effectiveFrom: '2026-12-01T00:00:00' }],
    ['no items', { ...base, items: [] }],
    ['a price in yuan with decimals', { ...base, items: [{ ...base.items[0], paidFen: 40.5 }] }],
    ['an empty unit', { ...base, items: [{ ...base.items[0], unit: ' ' }] }],
  ])('refuses %s', (_, body) => {
    expect(ZPriceVersionRequest.safeParse(body).success).toBe(false)
  })
})

describe('isEffectiveTimeAllowed', () => {
  it('allows now and later, never a moment before (no tolerance)', () => {
    const now = new Date('2026-11-23T08:00:00+08:00')
    expect(isEffectiveTimeAllowed(now, now)).toBe(true)
    expect(isEffectiveTimeAllowed(new Date(now.getTime() + 1), now)).toBe(true)
    expect(isEffectiveTimeAllowed(new Date(now.getTime() - 1), now)).toBe(false)
  })
})
