import fc from 'fast-check'
import { applyMovement, type Movement, type WeekMinutes } from './hours-ledger'

const movement = fc.oneof(
  fc.record({ movement: fc.constant('grant' as const), minutes: fc.integer({ min: -10, max: 300 }) }),
  fc.record({ movement: fc.constant('use' as const), minutes: fc.integer({ min: -10, max: 200 }) }),
  fc.record({ movement: fc.constant('refund' as const), minutes: fc.integer({ min: -10, max: 200 }) }),
  fc.record({ movement: fc.constant('adjust' as const), minutes: fc.integer({ min: -300, max: 300 }) }),
)

describe('the purchased-minutes ledger (pure)', () => {
  it('for any sequence of grants, uses, refunds and adjustments: minutes left = sum of the ledger, never negative', () => {
    fc.assert(
      fc.property(fc.array(movement, { maxLength: 60 }), (moves: Movement[]) => {
        let week: WeekMinutes = { granted: 0, used: 0 }
        const ledger: number[] = []
        for (const m of moves) {
          const r = applyMovement(week, m)
          if (!r.ok) continue // refused: nothing written
          week = r.week
          ledger.push(r.deltaMinutes)
          const left = week.granted - week.used
          expect(left).toBe(ledger.reduce((a, b) => a + b, 0))
          expect(left).toBeGreaterThanOrEqual(0)
          expect(week.used).toBeGreaterThanOrEqual(0)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('uses never exceed what is left; a refund never exceeds what was used; a grant happens once', () => {
    expect(applyMovement({ granted: 180, used: 120 }, { movement: 'use', minutes: 61 })).toEqual({ ok: false, reason: '本周只剩 60 分钟' })
    expect(applyMovement({ granted: 180, used: 120 }, { movement: 'use', minutes: 60 })).toEqual({ ok: true, week: { granted: 180, used: 180 }, deltaMinutes: -60 })
    expect(applyMovement({ granted: 180, used: 30 }, { movement: 'refund', minutes: 31 }).ok).toBe(false)
    expect(applyMovement({ granted: 180, used: 0 }, { movement: 'grant', minutes: 180 }).ok).toBe(false)
    expect(applyMovement({ granted: 180, used: 150 }, { movement: 'adjust', minutes: -31 })).toEqual({ ok: false, reason: '本周只剩 30 分钟，最多减少 30 分钟' })
    expect(applyMovement({ granted: 180, used: 150 }, { movement: 'adjust', minutes: -30 })).toEqual({ ok: true, week: { granted: 150, used: 150 }, deltaMinutes: -30 })
  })
})
