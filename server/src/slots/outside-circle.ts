import { HOTLINE, type OutsideCircle } from '@carecircle/shared'
import type { Reach } from '../routing/load-candidates'
import { outsideCircleExplanation } from '../routing/route-order'

/**
 * Pure: null when some active station's circle covers the home (routing could serve it), else what the page
 * must say before offering any time — the nearest active station, how far, and the hotline.
 */
export function outsideCircleOf(circle: Pick<Reach, 'inCircle' | 'nearest'>): OutsideCircle | null {
  if (circle.inCircle.some((c) => c.station.status === 'active')) return null
  const n = circle.nearest
  return {
    nearestStation: n
      ? { id: n.station.id, name: n.station.name, phone: n.station.phone, distanceMeters: n.verdict.distanceMeters, travelMinutes: n.verdict.travelMinutes, travelMode: n.station.travelMode }
      : null,
    hotline: HOTLINE,
    message: outsideCircleExplanation(n?.verdict ?? null),
  }
}
