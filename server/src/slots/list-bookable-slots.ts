import { and, eq, gte, inArray, lt } from 'drizzle-orm'
import { businessDayStart, OPEN_ORDER_STATUSES, toBusinessIso, type BookableSlotStatus, type BookableSlotsResponse } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import type { Db } from '../db/client'
import { orders } from '../db/schema'
import { elderFor } from '../access/elder-access'
import { loadService } from '../orders/plan-booking'
import { readOpenVisits } from '../orders/booking-sql'
import { firstClash, overlapReason } from '../orders/visit-overlap'
import { candidatesAt, loadBooked, loadReach } from '../routing/load-candidates'
import { outsideCircleOf } from './outside-circle'
import { slotStatus } from './slot-status'
import { isBookableTime, slotsForDay } from './slot-times'

/**
 * The slots of a day for this elder and service, each with the true reason it can or cannot be booked (a time
 * another of the elder's visits takes is 'overlaps', with that visit in words); when no
 * station's circle covers the home, no slots at all but who is nearest and the hotline (the page says so first).
 */
export async function listBookableSlots(deps: AppDeps, auth: Auth, q: { elderId: number; serviceId: number; date: string }): Promise<BookableSlotsResponse> {
  const db = deps.database.db
  const elder = await elderFor(deps, auth, q.elderId, 'book')
  const service = await loadService(deps, q.serviceId)
  const now = deps.clock()
  const reach = await loadReach(deps.stationFacts, await deps.stationIndex.get(), { lat: elder.homeLat, lng: elder.homeLng }, service, now)
  const outsideCircle = outsideCircleOf(reach)
  if (outsideCircle) return { date: q.date, slots: [], outsideCircle, serviceOffered: false }
  const serving = reach.inCircle.filter((c) => c.station.status === 'active' && reach.prices.has(c.station.id))
  const from = businessDayStart(q.date)
  const to = new Date(from.getTime() + 86_400_000)
  const visitMs = service.durationMinutes * 60_000
  const [booked, held, visits] = await Promise.all([
    loadBooked(db, serving.map((c) => c.station.id), service.category, from, to),
    loadHeldSlots(db, elder.id, service.id, from, to),
    readOpenVisits(deps.database.pool, elder.id, from, new Date(to.getTime() + visitMs)),
  ])
  const who = auth.role === 'elder' ? '您' : elder.name
  const starts = new Map<number, Date>()
  for (const c of serving) for (const s of slotsForDay(reach.rules.get(c.station.id) ?? [], q.date)) starts.set(s.start.getTime(), s.end)
  const slots = [...starts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([t, end]) => {
      const start = new Date(t)
      const heldOrderId = held.get(t) ?? null
      // Booking's own overlap rule, so no slot is offered that booking would refuse with VISIT_OVERLAPS.
      const clash = isBookableTime(start, now) ? firstClash(visits, { start, end: new Date(t + visitMs), category: service.category }) : null
      const status: BookableSlotStatus =
        heldOrderId !== null ? 'held' : clash ? 'overlaps' : slotStatus(candidatesAt(reach, start, booked), isBookableTime(start, now))
      const reason = status === 'overlaps' ? overlapReason(who, clash!) : null
      return { slotStart: toBusinessIso(start), slotEnd: toBusinessIso(end), available: status === 'open', status, heldOrderId, reason }
    })
  return { date: q.date, slots, outsideCircle: null, serviceOffered: serving.length > 0 }
}

/** The elder's open orders of this service in [from, to), by slot start (ms): those slots are theirs already. */
async function loadHeldSlots(db: Db, elderId: number, serviceId: number, from: Date, to: Date): Promise<Map<number, number>> {
  const rows = await db
    .select({ id: orders.id, slotStart: orders.slotStart })
    .from(orders)
    .where(and(eq(orders.elderId, elderId), eq(orders.serviceId, serviceId), gte(orders.slotStart, from), lt(orders.slotStart, to), inArray(orders.status, [...OPEN_ORDER_STATUSES])))
  return new Map(rows.map((r) => [r.slotStart.getTime(), r.id]))
}
