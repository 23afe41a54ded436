/**
 * `npx tsx server/scripts/care-map-figures.ts [YYYY-MM-DD]`: the demo district's care-map figures, computed by the
 * same pure functions the API runs, from the same demo data `npm start` seeds (30 stations, 300 elders and the
 * pending profile a relative made, 孙德福):
 * coverage overall, by tier and by age band, the largest uncovered cluster and what a station or complex at its
 * centre would take in, and the best single point. test/api/care-map.test.ts checks the API answers the same.
 */
import { AGE_BANDS, TIERS, businessDayStart } from '@carecircle/shared'
import { demoElders, demoPendingProfile, demoStations } from '../src/seed/demo-data'
import { computeCoverage, uncoveredOf } from '../src/care-map/coverage'
import { ElderTree } from '../src/care-map/elder-tree'
import { aggregateCells } from '../src/care-map/map-cells'
import { cellBounds, cellKey, makeGrid } from '../src/care-map/grid'
import { bestPlacement, evaluatePlacement } from '../src/care-map/what-if'

export function demoCareMapFigures(day: Date, elderCount = 300) {
  const stations = demoStations().map((s) => ({ ...s, circlePolygon: null, detourPermille: 1300, status: 'active' as const }))
  const elders = demoElders(stations, elderCount).map((e) => ({ id: e.id, lat: e.lat, lng: e.lng, tier: e.verified ? e.tier : ('paid' as const), birthDate: e.birthDate }))
  const pending = demoPendingProfile(demoStations(), elderCount + 1)
  elders.push({ id: pending.id, lat: pending.lat, lng: pending.lng, tier: 'paid', birthDate: pending.birthDate })
  const grid = makeGrid(500, Math.round(stations.reduce((a, s) => a + s.lat, 0) / stations.length))
  const coverage = computeCoverage(stations, elders, day)
  const uncovered = uncoveredOf(elders, coverage)
  const { cells } = aggregateCells(uncovered.map((e) => ({ ...e, covered: false })), grid)
  const tree = new ElderTree(uncovered)
  const largest = cells[0] ?? null
  const centres = [...new Set(uncovered.map((e) => cellKey(grid, e.lat, e.lng)))].map((k) => cellBounds(grid, k).centre)
  return {
    coverage,
    uncovered: uncovered.length,
    largest: largest && { cell: largest, station: evaluatePlacement(tree, 'station', largest.centre), complex: evaluatePlacement(tree, 'complex', largest.centre) },
    best: { station: bestPlacement(tree, 'station', centres), complex: bestPlacement(tree, 'complex', centres) },
  }
}

if (require.main === module) {
  const day = process.argv[2] ? businessDayStart(process.argv[2]) : new Date()
  const f = demoCareMapFigures(day)
  const pct = (r: { elders: number; covered: number; share: number | null }) => `${r.covered}/${r.elders} = ${r.share === null ? '—' : (r.share * 100).toFixed(1) + ' %'}`
  console.log(`overall: ${pct(f.coverage.overall)}`)
  for (const t of TIERS) console.log(`tier ${t}: ${pct(f.coverage.byTier[t])}`)
  for (const b of AGE_BANDS) console.log(`age ${b}: ${pct(f.coverage.byAgeBand[b])}`)
  console.log(`uncovered: ${f.uncovered}; largest cluster:`, JSON.stringify(f.largest))
  console.log('best point:', JSON.stringify(f.best))
}
