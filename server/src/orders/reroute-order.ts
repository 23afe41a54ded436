import { HOTLINE } from '@carecircle/shared'
import type { AppDeps } from '../app'
import { eq } from 'drizzle-orm'
import type { Tx } from '../db/tx'
import { orders } from '../db/schema'
import { candidatesAt, loadBooked, loadReach } from '../routing/load-candidates'
import { routeOrder, type RoutingCandidate } from '../routing/route-order'
import { releaseSlot, takePlace } from '../slots/take-slot'
import { ruleForSlot } from '../slots/slot-times'
import type { OrderRow as OrderView } from './order-view'
import { recordOrderNotices, type MoveCause, type OrderFacts } from '../notifications/order-notices'
import type { Notice } from '../notifications/notify'

/** What an order with no station left says in place of "why this station". */
export const UNASSIGNED_EXPLANATION = `附近能上门的驿站暂时都接不了这一单，街道（民政）监管人员正在为您安排，有问题可拨打 ${HOTLINE}。`

/**
 * After a decline: the next station in reach that has not declined and has room takes the order.
 * The elder keeps the price they confirmed; null when no station is left (the order becomes unassigned).
 */
export async function rerouteOrder(deps: AppDeps, tx: Tx, o: typeof orders.$inferSelect, view: OrderView, now: Date): Promise<RoutingCandidate | null> {
  const db = deps.database.db
  const service = { id: view.sv.id, category: view.sv.category }
  const reach = await loadReach(deps.stationFacts, await deps.stationIndex.get(), { lat: view.e.homeLat, lng: view.e.homeLng }, service, now)
  const excluded = new Set([...o.declinedStationIds, o.stationId!])
  const ids = reach.inCircle.map((c) => c.station.id)
  const booked = await loadBooked(db, ids, service.category, o.slotStart, new Date(o.slotStart.getTime() + 1))
  const route = routeOrder(candidatesAt(reach, o.slotStart, booked), excluded)
  if (!route.ok) return null
  for (const c of route.ranked) {
    const capacity = ruleForSlot(reach.rules.get(c.stationId) ?? [], o.slotStart)!.capacity
    if (await takePlace(tx, { stationId: c.stationId, category: service.category, slotStart: o.slotStart, capacity }, now)) return c
  }
  return null
}

/**
 * Moves an order off its station (a decline, or the station's suspension): gives back its place there, routes it to
 * the next station that has room, rewrites the explanation shown to the current assignment's (or the unassigned
 * sentence) and tells the elder and family. The caller records the event and pushes the notices after commit.
 * A decline also keeps the station out of any later re-routing.
 */
export async function moveOrderOn(deps: AppDeps, tx: Tx, o: typeof orders.$inferSelect, view: OrderView, now: Date, cause: MoveCause): Promise<{ next: RoutingCandidate | null; notices: Notice[] }> {
  const declined = cause === 'declined'
  await releaseSlot(tx, { stationId: o.stationId!, category: view.sv.category, slotStart: o.slotStart })
  const next = await rerouteOrder(deps, tx, o, view, now)
  await tx
    .update(orders)
    .set({
      status: next ? 'assigned' : 'unassigned', stationId: next?.stationId ?? null,
      ...(declined ? { declinedStationIds: [...o.declinedStationIds, o.stationId!] } : {}),
      routeExplanation: next ? next.verdict.explanation : UNASSIGNED_EXPLANATION, distanceMeters: next?.verdict.distanceMeters ?? null,
      travelMinutes: next?.verdict.travelMinutes ?? null, updatedAt: now,
    })
    .where(eq(orders.id, o.id))
  const fromStationName = view.st?.name ?? null
  const change = next ? { to: 'rerouted' as const, fromStationName, stationName: next.name, cause } : { to: 'unassigned' as const, fromStationName, cause }
  // Staff and supervisors move orders; they are never among the elder's recipients.
  const notices = await recordOrderNotices(tx, orderFacts(view), change, null, now)
  return { next, notices }
}

/** What an order notice names, from an order as read for a card. */
export function orderFacts(view: Pick<OrderView, 'o' | 'sv'> & { e: Pick<OrderView['e'], 'name'> }): OrderFacts {
  return { id: view.o.id, elderId: view.o.elderId, elderName: view.e.name, serviceName: view.sv.name, slotStart: view.o.slotStart }
}
