import { AGE_BANDS, TIERS, ageBand, type AgeBand, type Tier } from '@carecircle/shared'
import type { CircleStation } from '../stations/service-circle'
import { ageOn } from '../eligibility/set-tier'
import { ElderTree } from './elder-tree'

export interface CoverageElder {
  id: number
  lat: number
  lng: number
  tier: Tier
  birthDate: string
}
export interface CoverageStation extends CircleStation {
  id: number
  status: 'active' | 'suspended' | 'closed'
}
export interface CoverageRow {
  elders: number
  covered: number
  share: number | null
}
export interface Coverage {
  overall: CoverageRow
  byTier: Record<Tier, CoverageRow>
  byAgeBand: Record<AgeBand, CoverageRow>
  /** Per elder (same order as the input): 1 when inside at least one active station's circle. */
  covered: Uint8Array
  /** Per station id: elders inside its circle (an elder in two circles counts for both). Active stations only. */
  eldersCovered: Map<number, number>
}

const row = (elders: number, covered: number): CoverageRow => ({ elders, covered, share: elders ? covered / elders : null })

/**
 * Coverage of a district (pure): which elders live inside at least one ACTIVE station's circle, by the one circle
 * rule. One kd-tree over the homes, one box query per station — so a million elders and ten thousand stations
 * take one pass each. Suspended and closed stations cover nobody here: they take no new orders.
 */
export function computeCoverage(stations: readonly CoverageStation[], elders: readonly CoverageElder[], day: Date, tree = new ElderTree(elders)): Coverage {
  const covered = new Uint8Array(elders.length)
  const eldersCovered = new Map<number, number>()
  for (const s of stations) {
    if (s.status !== 'active') continue
    let n = 0
    tree.inside(s, (i) => {
      covered[i] = 1
      n++
    })
    eldersCovered.set(s.id, n)
  }
  // Age bands by birth date at `day`; birth dates repeat a lot, so each is worked out once.
  const bandOf = new Map<string, number>()
  const tierIdx = new Map(TIERS.map((t, i) => [t, i]))
  const tierCounts = new Int32Array(TIERS.length * 2)
  const bandCounts = new Int32Array(AGE_BANDS.length * 2)
  let total = 0
  for (let i = 0; i < elders.length; i++) {
    const e = elders[i]
    let b = bandOf.get(e.birthDate)
    if (b === undefined) bandOf.set(e.birthDate, (b = AGE_BANDS.indexOf(ageBand(ageOn(e.birthDate, day)))))
    const t = tierIdx.get(e.tier)!
    tierCounts[t * 2]++
    bandCounts[b * 2]++
    if (covered[i]) {
      total++
      tierCounts[t * 2 + 1]++
      bandCounts[b * 2 + 1]++
    }
  }
  return {
    overall: row(elders.length, total),
    byTier: Object.fromEntries(TIERS.map((t, i) => [t, row(tierCounts[i * 2], tierCounts[i * 2 + 1])])) as Record<Tier, CoverageRow>,
    byAgeBand: Object.fromEntries(AGE_BANDS.map((b, i) => [b, row(bandCounts[i * 2], bandCounts[i * 2 + 1])])) as Record<AgeBand, CoverageRow>,
    covered,
    eldersCovered,
  }
}

/** The elders left outside every active circle. */
export function uncoveredOf<E>(elders: readonly E[], coverage: Pick<Coverage, 'covered'>): E[] {
  return elders.filter((_, i) => !coverage.covered[i])
}

export interface Area {
  south: number
  west: number
  north: number
  east: number
}
/** An optional bounding box (a community): stations anywhere still count, a circle does not stop at a line on a map. */
export const inArea = (area: Area | null) => (p: { lat: number; lng: number }) => !area || (p.lat >= area.south && p.lat <= area.north && p.lng >= area.west && p.lng <= area.east)
