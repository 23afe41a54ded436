import type { BookableSlotStatus } from '@carecircle/shared'
import { routeOrder, type RoutingCandidate } from '../routing/route-order'

/**
 * Pure: why a slot the elder does not already hold can or cannot be booked — routing's own verdict, with "full"
 * (a station that works then has no place left) told apart from "closed" (no station in the circle works then).
 */
export function slotStatus(candidates: RoutingCandidate[], bookableTime: boolean): Exclude<BookableSlotStatus, 'held'> {
  if (!bookableTime) return 'past'
  if (routeOrder(candidates).ok) return 'open'
  const working = candidates.some((c) => c.active && c.verdict.withinCircle && c.offersService && c.capacity > 0)
  return working ? 'full' : 'closed'
}
