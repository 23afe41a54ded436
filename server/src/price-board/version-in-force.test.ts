import fc from 'fast-check'
import { versionInForce } from './version-in-force'

const versions = fc.uniqueArray(fc.record({ id: fc.integer({ min: 1, max: 10_000 }), effectiveFrom: fc.integer({ min: 0, max: 1000 }) }), { selector: (v) => v.id, maxLength: 20 })

describe('versionInForce', () => {
  it('is the latest version whose effective time has passed (ties: the later published), whatever order they come in', () => {
    fc.assert(
      fc.property(versions, fc.integer({ min: -10, max: 1010 }), (list, at) => {
        const got = versionInForce(list, at)
        const started = list.filter((v) => v.effectiveFrom <= at)
        if (started.length === 0) return expect(got).toBeNull()
        expect(got!.effectiveFrom).toBeLessThanOrEqual(at)
        for (const v of started) {
          expect(v.effectiveFrom <= got!.effectiveFrom).toBe(true)
          if (v.effectiveFrom === got!.effectiveFrom) expect(v.id).toBeLessThanOrEqual(got!.id)
        }
        expect(versionInForce([...list].reverse(), at)).toBe(got)
      }),
    )
  })

  it('switches exactly at the effective instant', () => {
    const list = [{ id: 1, effectiveFrom: 0 }, { id: 2, effectiveFrom: 1000 }]
    expect(versionInForce(list, 999)?.id).toBe(1)
    expect(versionInForce(list, 1000)?.id).toBe(2)
    expect(versionInForce(list, -1)).toBeNull()
  })
})
