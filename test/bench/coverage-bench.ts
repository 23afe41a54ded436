import { TIERS } from '@carecircle/shared'
import { prng, offset } from '../../server/src/seed/demo-data'
import { computeCoverage, type CoverageElder } from '../../server/src/care-map/coverage'
import { nationwideStations } from './synthetic-stations'

export interface CoverageFigures {
  elders: number
  stations: number
  /** Best of the runs, wall time of computeCoverage: kd-tree build over the homes + every station's circle + tier and age tallies. */
  bestMs: number
  medianMs: number
  share: number
}

/** `n` elders: two thirds within 2 km of a random station, the rest anywhere within 25 km of it (many outside every circle). */
export function syntheticElders(stations: { lat: number; lng: number }[], n: number, seed = 4): CoverageElder[] {
  const rnd = prng(seed)
  return Array.from({ length: n }, (_, i) => {
    const s = stations[Math.floor(rnd() * stations.length)]
    const p = offset(s, rnd() < 0.67 ? rnd() * 2000 : rnd() * 25_000, rnd() * 2 * Math.PI)
    const age = 60 + Math.floor(rnd() * 40)
    return { id: i + 1, lat: p.lat, lng: p.lng, tier: TIERS[Math.floor(rnd() * 3)], birthDate: `${2026 - age}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` }
  })
}

/**
 * Coverage of `elders` elders against `stations` stations nationwide, as the pure function runs it (no database):
 * the timed part includes building the kd-tree over the homes; generating the synthetic data is not timed.
 */
export function benchCoverage(elders = 1_000_000, stations = 10_000, runs = 5): CoverageFigures {
  const ss = nationwideStations(stations)
  const es = syntheticElders(ss, elders)
  const day = new Date('2026-06-01T04:00:00Z')
  const times: number[] = []
  let share = 0
  for (let r = 0; r < runs; r++) {
    const t = performance.now()
    share = computeCoverage(ss, es, day).overall.share ?? 0
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  return { elders, stations, bestMs: Math.round(times[0]), medianMs: Math.round(times[Math.floor(runs / 2)]), share }
}

if (require.main === module) console.log(benchCoverage())
