import type { MapCell, Tier, TierCounts } from '@carecircle/shared'
import { cellBounds, cellKey, coarser, parentKey, type Grid } from './grid'

export interface CellPoint {
  lat: number
  lng: number
  tier: Tier
  covered: boolean
}

interface Tally {
  count: number
  byTier: TierCounts
  uncovered: number
}
const tally = (): Tally => ({ count: 0, byTier: { free: 0, low: 0, paid: 0 }, uncovered: 0 })
const addTo = (t: Tally, p: CellPoint) => {
  t.count++
  t.byTier[p.tier]++
  if (!p.covered) t.uncovered++
}

/**
 * Homes → grid cells with counts by tier, for the map (never a home, never one elder alone):
 * cells of `minCount` or more elders are sent as they are; the elders of smaller cells are pooled into the 2×
 * coarser cell that holds them (only with other such elders), sent as `merged` if that pool reaches `minCount`;
 * whoever is still alone is left off the map and only counted in `hidden`. Largest cells first.
 */
export function aggregateCells(points: Iterable<CellPoint>, grid: Grid, minCount = 2): { cells: MapCell[]; hidden: number } {
  const fine = new Map<number, { tally: Tally; points: CellPoint[] }>()
  for (const p of points) {
    const key = cellKey(grid, p.lat, p.lng)
    let c = fine.get(key)
    if (!c) fine.set(key, (c = { tally: tally(), points: [] }))
    addTo(c.tally, p)
    if (c.points.length < minCount) c.points.push(p) // only small cells are pooled; no need to keep more
  }
  const cells: MapCell[] = []
  const pooled = new Map<number, Tally>()
  for (const [key, c] of fine) {
    if (c.tally.count >= minCount) {
      cells.push({ ...cellBounds(grid, key), ...c.tally, merged: false })
      continue
    }
    const parent = parentKey(key)
    const t = pooled.get(parent) ?? tally()
    c.points.forEach((p) => addTo(t, p))
    pooled.set(parent, t)
  }
  const big = coarser(grid)
  let hidden = 0
  for (const [key, t] of pooled) {
    if (t.count >= minCount) cells.push({ ...cellBounds(big, key), ...t, merged: true })
    else hidden += t.count
  }
  cells.sort((a, b) => b.count - a.count || a.south - b.south || a.west - b.west)
  return { cells, hidden }
}
