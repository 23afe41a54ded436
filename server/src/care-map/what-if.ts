import { DEFAULT_CIRCLE, type GeoPoint, type StationKind, type Tier, type TierCounts } from '@carecircle/shared'
import type { CircleStation } from '../stations/service-circle'
import { reachKm } from '../stations/station-index'
import { ElderTree } from './elder-tree'

/** A station that does not exist yet, with the circle every new station gets (the stations table's defaults). */
export function candidateStation(kind: StationKind, point: GeoPoint): CircleStation {
  return {
    name: '候选点', kind, lat: point.lat, lng: point.lng, circleMinutes: DEFAULT_CIRCLE.circleMinutes,
    circleMeters: kind === 'complex' ? DEFAULT_CIRCLE.complexMeters : null, circlePolygon: null, travelMode: 'walk',
    speedMetersPerMinute: DEFAULT_CIRCLE.speedMetersPerMinute, detourPermille: DEFAULT_CIRCLE.detourPermille,
  }
}

export interface PlacementResult {
  point: GeoPoint
  newlyCovered: number
  byTier: TierCounts
}

/** How many of the uncovered elders a station of this kind at this point would bring inside its circle. */
export function evaluatePlacement(uncovered: ElderTree<{ lat: number; lng: number; tier: Tier }>, kind: StationKind, point: GeoPoint): PlacementResult {
  const byTier: TierCounts = { free: 0, low: 0, paid: 0 }
  let n = 0
  uncovered.inside(candidateStation(kind, point), (i) => {
    n++
    byTier[uncovered.elders[i].tier]++
  })
  return { point, newlyCovered: n, byTier }
}

const R_EARTH = 6_371_008.8
const rad = Math.PI / 180

/**
 * The two centres of circles of radius `r` metres through homes a and b (none when they are further than 2r
 * apart), on a local flat projection around a: at a few kilometres its error is far below a metre.
 */
export function centresThrough(a: GeoPoint, b: GeoPoint, r: number): GeoPoint[] {
  const k = Math.cos(a.lat * rad) * R_EARTH * rad
  const bx = (b.lng - a.lng) * k
  const by = (b.lat - a.lat) * R_EARTH * rad
  const d = Math.hypot(bx, by)
  if (d === 0 || d > 2 * r) return []
  const h = Math.sqrt(r * r - (d / 2) ** 2)
  const [mx, my, ux, uy] = [bx / 2, by / 2, -by / d, bx / d]
  return [1, -1].map((s) => ({ lat: a.lat + (my + s * h * uy) / (R_EARTH * rad), lng: a.lng + (mx + s * h * ux) / k }))
}

export interface BestPlacement extends PlacementResult {
  candidatesTried: number
  /** False when the pair budget ran out before every pair of nearby homes was tried. */
  exhaustive: boolean
}

/**
 * The best single point for a new station of this kind, computed: a disc that covers the most points can always
 * be moved until two of them sit on its edge (or it covers one), so the candidates are every cluster centre plus
 * both centres of the circles through each pair of uncovered homes less than a diameter apart — a radius 1 m
 * inside the rule's reach, so the homes on the edge are inside. Each candidate is counted by the circle rule
 * itself (evaluatePlacement); the most wins, ties to the earlier candidate (cluster centres first). Callers pass
 * the centre of every cell holding uncovered elders, so a lone home is covered too and no home is ever the answer.
 * Null when there is no candidate (nobody uncovered).
 */
export function bestPlacement(uncovered: ElderTree<{ lat: number; lng: number; tier: Tier }>, kind: StationKind, clusterCentres: readonly GeoPoint[], pairBudget = 100_000): BestPlacement | null {
  const homes = uncovered.elders
  if (homes.length === 0) return null
  let best: PlacementResult | null = null
  let tried = 0
  const consider = (p: GeoPoint) => {
    tried++
    const r = evaluatePlacement(uncovered, kind, p)
    if (!best || r.newlyCovered > best.newlyCovered) best = r
  }
  clusterCentres.forEach(consider)
  const probe = candidateStation(kind, homes[0])
  const radius = reachKm(probe) * 1000 - 1
  let pairs = 0
  let exhaustive = true
  outer: for (let i = 0; i < homes.length; i++) {
    // Homes within a diameter of home i: the tree's circle query with a station twice as wide, checked by distance.
    const near: number[] = []
    uncovered.inside({ ...candidateStation('complex', homes[i]), circleMeters: Math.ceil(2 * radius) }, (j) => j > i && near.push(j))
    for (const j of near) {
      if (++pairs > pairBudget) {
        exhaustive = false
        break outer
      }
      centresThrough(homes[i], homes[j], radius).forEach(consider)
    }
  }
  const b = best as PlacementResult | null
  if (!b) return null
  // Sent to 6 decimals (≈ 0.1 m); counted again there so the figure is the one for the point shown.
  const shown = evaluatePlacement(uncovered, kind, { lat: Math.round(b.point.lat * 1e6) / 1e6, lng: Math.round(b.point.lng * 1e6) / 1e6 })
  return { ...(shown.newlyCovered >= b.newlyCovered ? shown : b), candidatesTried: tried, exhaustive }
}
