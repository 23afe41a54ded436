import fc from 'fast-check'
import { drawStations } from './draw-stations'

describe('drawStations', () => {
  it('replays: the same seed over the same stations draws the same ones, in whatever order they were listed', () => {
    const ids = Array.from({ length: 30 }, (_, i) => i + 1)
    expect(drawStations(ids, 'seed-2026-12', 5)).toEqual(drawStations([...ids].reverse(), 'seed-2026-12', 5))
    expect(drawStations(ids, 'seed-2026-12', 5)).not.toEqual(drawStations(ids, 'seed-2026-13', 5))
  })

  it('draws n distinct candidates, or all when there are fewer', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { maxLength: 60 }), fc.string({ minLength: 8 }), fc.integer({ min: 1, max: 50 }), (ids, seed, n) => {
        const drawn = drawStations(ids, seed, n)
        expect(drawn).toHaveLength(Math.min(n, ids.length))
        expect(new Set(drawn).size).toBe(drawn.length)
        for (const id of drawn) expect(ids).toContain(id)
      }),
    )
  })

  it('gives every station a fair chance (each of 10 drawn about 3 times in 10 over 2,000 seeds)', () => {
    const ids = Array.from({ length: 10 }, (_, i) => i + 1)
    const hits = new Map<number, number>()
    for (let s = 0; s < 2000; s++) for (const id of drawStations(ids, `seed-${s}-xx`, 3)) hits.set(id, (hits.get(id) ?? 0) + 1)
    for (const id of ids) expect(hits.get(id)! / 2000).toBeGreaterThan(0.25)
    for (const id of ids) expect(hits.get(id)! / 2000).toBeLessThan(0.35)
  })
})
