import fc from 'fast-check'
import type { Tier } from '@carecircle/shared'
import { offset } from '../seed/demo-data'
import { greatCircleMeters } from '../stations/service-circle'
import { ElderTree } from './elder-tree'
import { aggregateCells } from './map-cells'
import { cellBounds, cellKey, makeGrid, parentKey } from './grid'
import { bestPlacement, centresThrough, evaluatePlacement } from './what-if'

const CENTRE = { lat: 28.8776, lng: 105.4406 }
const home = (p: { lat: number; lng: number }, tier: Tier = 'paid') => ({ ...p, tier })
const grid = makeGrid(500, 29)
const centresOf = (homes: { lat: number; lng: number }[]) => [...new Set(homes.map((h) => cellKey(grid, h.lat, h.lng)))].map((k) => cellBounds(grid, k).centre)

describe('evaluatePlacement', () => {
  it('counts the uncovered homes a 驿站 (865 m walk) or a 综合体 (2 km) would take in, by tier', () => {
    const tree = new ElderTree([home(offset(CENTRE, 500, 0), 'free'), home(offset(CENTRE, 1500, 0), 'low'), home(offset(CENTRE, 2500, 0))])
    expect(evaluatePlacement(tree, 'station', CENTRE)).toMatchObject({ newlyCovered: 1, byTier: { free: 1, low: 0, paid: 0 } })
    expect(evaluatePlacement(tree, 'complex', CENTRE)).toMatchObject({ newlyCovered: 2, byTier: { free: 1, low: 1, paid: 0 } })
  })
})

describe('centresThrough', () => {
  it('gives two points at the radius from both homes, none when they are further apart than a diameter', () => {
    const a = CENTRE
    const b = offset(CENTRE, 1200, 1)
    const cs = centresThrough(a, b, 800)
    expect(cs).toHaveLength(2)
    for (const c of cs) {
      expect(greatCircleMeters(c, a)).toBeCloseTo(800, 0)
      expect(greatCircleMeters(c, b)).toBeCloseTo(800, 0)
    }
    expect(centresThrough(a, offset(CENTRE, 1700, 1), 800)).toEqual([])
  })
})

describe('bestPlacement', () => {
  it('finds the point between two homes 1.6 km apart that no cell centre covers together', () => {
    const homes = [home(CENTRE), home(offset(CENTRE, 1600, 0.3))]
    const tree = new ElderTree(homes)
    const centres = centresOf(homes)
    expect(Math.max(...centres.map((c) => evaluatePlacement(tree, 'station', c).newlyCovered))).toBe(1)
    const best = bestPlacement(tree, 'station', centres)!
    expect(best.newlyCovered).toBe(2)
    expect(best.exhaustive).toBe(true)
    expect(homes.some((h) => h.lat === best.point.lat && h.lng === best.point.lng)).toBe(false)
  })

  it('is null with nobody uncovered, and says when the pair budget ran out', () => {
    expect(bestPlacement(new ElderTree([]), 'station', [])).toBeNull()
    const crowd = Array.from({ length: 30 }, (_, i) => home(offset(CENTRE, 20 * i, i)))
    expect(bestPlacement(new ElderTree(crowd), 'station', centresOf(crowd), 10)).toMatchObject({ exhaustive: false, newlyCovered: 30 })
  })

  it('covers at least as many as any cluster centre (property)', () => {
    const arbHome = fc.record({ m: fc.integer({ min: 0, max: 3000 }), b: fc.double({ min: 0, max: 6.28, noNaN: true }) }).map(({ m, b }) => home(offset(CENTRE, m, b)))
    fc.assert(
      fc.property(fc.array(arbHome, { minLength: 1, maxLength: 40 }), fc.constantFrom('station', 'complex' as const), (homes, kind) => {
        const tree = new ElderTree(homes)
        const centres = centresOf(homes)
        const best = bestPlacement(tree, kind, centres)!
        for (const c of centres) expect(best.newlyCovered).toBeGreaterThanOrEqual(evaluatePlacement(tree, kind, c).newlyCovered)
        expect(evaluatePlacement(tree, kind, best.point).newlyCovered).toBe(best.newlyCovered)
      }),
      { numRuns: 60 },
    )
  })
})

describe('aggregateCells', () => {
  const g = makeGrid(500, 29)
  // Four fine cells of one 1 km parent: pick points at the centres of its quarter cells.
  const parent = parentKey(cellKey(g, CENTRE.lat, CENTRE.lng))
  const big = cellBounds(makeGrid(1000, 29), parent)
  const q = (dy: number, dx: number) => ({ lat: big.south + (big.north - big.south) * dy, lng: big.west + (big.east - big.west) * dx })

  it('sends cells of 2 or more as they are, pools lone elders in the 1 km cell, and hides whoever is still alone', () => {
    const pts = [
      { ...q(0.25, 0.25), tier: 'free' as const, covered: true },
      { ...q(0.26, 0.26), tier: 'paid' as const, covered: false },
      { ...q(0.25, 0.75), tier: 'low' as const, covered: false }, // alone in its cell …
      { ...q(0.75, 0.75), tier: 'low' as const, covered: true }, // … and this one: pooled together
      { ...offset(CENTRE, 20_000, 0), tier: 'paid' as const, covered: false }, // alone even at 1 km
    ]
    const { cells, hidden } = aggregateCells(pts, g)
    expect(hidden).toBe(1)
    expect(cells).toHaveLength(2)
    expect(cells.find((c) => !c.merged)).toMatchObject({ count: 2, byTier: { free: 1, low: 0, paid: 1 }, uncovered: 1 })
    expect(cells.find((c) => c.merged)).toMatchObject({ count: 2, byTier: { free: 0, low: 2, paid: 0 }, uncovered: 1, south: big.south, north: big.north })
    for (const c of cells) expect(c.count).toBeGreaterThanOrEqual(2)
  })

  it('never sends a cell of one, whatever the homes (property)', () => {
    const arb = fc.array(fc.record({ m: fc.integer({ min: 0, max: 5000 }), b: fc.double({ min: 0, max: 6.28, noNaN: true }), covered: fc.boolean() }), { maxLength: 80 })
    fc.assert(
      fc.property(arb, (raw) => {
        const { cells, hidden } = aggregateCells(raw.map((r) => ({ ...offset(CENTRE, r.m, r.b), tier: 'paid' as const, covered: r.covered })), g)
        for (const c of cells) expect(c.count).toBeGreaterThanOrEqual(2)
        expect(cells.reduce((n, c) => n + c.count, 0) + hidden).toBe(raw.length)
      }),
    )
  })
})
