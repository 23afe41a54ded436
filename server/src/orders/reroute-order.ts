import { HOTLINE } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Tx } from '../db/tx'
import type { orders } from '../db/schema'
import { candidatesAt, loadBooked, loadReach } from '../routing/load-candidates'
import { routeOrder, type RoutingCandidate } from '../routing/route-order'
import { takePlace } from '../slots/take-slot'
import { ruleForSlot } from '../slots/slot-times'
import type { OrderRow as OrderView } from './order-view'

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
