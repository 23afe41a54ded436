import { HOTLINE } from '@carecircle/shared'
import type { CircleVerdict } from '../stations/service-circle'

/** What routing knows of one station for one order: pure data gathered by load-candidates. */
export interface RoutingCandidate {
  stationId: number
  name: string
  phone: string
  active: boolean
  verdict: CircleVerdict
  /** The station's price board in force lists this service. */
  offersService: boolean
  /** The requested slot is within its opening hours (capacity > 0). */
  capacity: number
  booked: number
  ratingTenths: number
}

export type RouteResult =
  | { ok: true; winner: RoutingCandidate; ranked: RoutingCandidate[]; explanation: string }
  | { ok: false; reason: 'NO_STATION_IN_CIRCLE' | 'SERVICE_NOT_OFFERED' | 'SLOT_FULL'; explanation: string; nearestOutside: RoutingCandidate | null }

/** The one sentence for a home no active station's circle covers (booking refusals and the time page say the same). */
export function outsideCircleExplanation(nearest: CircleVerdict | null): string {
  const where = nearest ? `离您最近的是${nearest.explanation}，超出了 15 分钟服务圈。` : ''
  return `您家附近 15 分钟内暂时没有可以上门的驿站。${where}请拨打 ${HOTLINE} 养老服务热线，我们帮您联系。`
}

const load = (c: RoutingCandidate) => (c.capacity > 0 ? c.booked / c.capacity : 1)

/** Ranking: shortest travel, then lower load at the slot, then higher rating, then lower id (deterministic). */
export function compareCandidates(a: RoutingCandidate, b: RoutingCandidate): number {
  return (
    a.verdict.travelMinutes - b.verdict.travelMinutes ||
    load(a) - load(b) ||
    b.ratingTenths - a.ratingTenths ||
    a.stationId - b.stationId
  )
}

/**
 * 派单 (routeOrder): among active stations whose circle covers the home, that offer the service and have
 * room at the slot, pick the best by compareCandidates. `excluded` holds stations that declined.
 */
export function routeOrder(candidates: RoutingCandidate[], excluded: ReadonlySet<number> = new Set()): RouteResult {
  const inCircle = candidates.filter((c) => c.active && c.verdict.withinCircle && !excluded.has(c.stationId))
  const offering = inCircle.filter((c) => c.offersService)
  const ranked = offering.filter((c) => c.booked < c.capacity).sort(compareCandidates)
  if (ranked.length > 0) return { ok: true, winner: ranked[0], ranked, explanation: ranked[0].verdict.explanation }
  if (inCircle.length === 0) {
    const nearestOutside = [...candidates].filter((c) => c.active).sort((a, b) => a.verdict.distanceMeters - b.verdict.distanceMeters)[0] ?? null
    return { ok: false, reason: 'NO_STATION_IN_CIRCLE', nearestOutside, explanation: outsideCircleExplanation(nearestOutside?.verdict ?? null) }
  }
  if (offering.length === 0) return { ok: false, reason: 'SERVICE_NOT_OFFERED', nearestOutside: null, explanation: `您附近的驿站暂时不提供这项服务，请选择其他服务，或拨打 ${HOTLINE} 咨询。` }
  return { ok: false, reason: 'SLOT_FULL', nearestOutside: null, explanation: '这个时段附近驿站都已约满，请换一个时间。' }
}
