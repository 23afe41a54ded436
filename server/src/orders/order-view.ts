import { asc, desc, eq, inArray, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/mysql-core'
import { allowedOrderActions, checkInWindowDto, describeCharge, maskPhone, placedByText, RATING_EDITABLE_DAYS, toBusinessIso, type CheckInRule, type Order, type OrderEvent, type OrderVisit } from '@carecircle/shared'
import type { Db } from '../db/client'
import { elders, orderEvents, orders, ratings, services, stations, users } from '../db/schema'
import type { Auth } from '../auth/token'
import { describeEvent } from './event-text'
import { NO_COMPLAINTS, type OrderComplaints } from './order-complaints'

/** An accepted order not started this long after its slot is flagged. */
export const OVERDUE_AFTER_MINUTES = 30

const placer = alias(users, 'placer')
const placerStation = alias(stations, 'placer_station')
const worker = alias(users, 'worker')
const columns = {
  o: orders, sv: services, e: elders, st: { id: stations.id, name: stations.name, phone: stations.phone },
  r: { stars: ratings.stars, comment: ratings.comment, createdAt: ratings.createdAt },
  by: { name: placer.name, stationName: placerStation.name }, worker: { name: worker.name },
}
type RatingCols = { stars: number; comment: string | null; createdAt: Date }
/** Who placed the order (name, and station for staff) and who checked in: names only, never phones. */
export type People = { by?: { name: string | null; stationName: string | null } | null; worker?: { name: string | null } | null }
export type OrderRow = { o: typeof orders.$inferSelect; sv: typeof services.$inferSelect; e: typeof elders.$inferSelect; st: { id: number; name: string; phone: string } | null; r?: RatingCols | null } & People

/** Order rows with what a card shows, read in slot order (then id, so equal slots keep a stable order for paging). */
export async function fetchOrderRows(db: Db, where: SQL | undefined, limit: number, order: 'asc' | 'desc' = 'asc'): Promise<OrderRow[]> {
  const by = order === 'asc' ? asc : desc
  const q = db
    .select(columns)
    .from(orders)
    .innerJoin(services, eq(services.id, orders.serviceId))
    .innerJoin(elders, eq(elders.id, orders.elderId))
    .leftJoin(stations, eq(stations.id, orders.stationId))
    .leftJoin(ratings, eq(ratings.orderId, orders.id))
    .leftJoin(placer, eq(placer.id, orders.bookedBy))
    .leftJoin(placerStation, eq(placerStation.id, placer.stationId))
    .leftJoin(worker, eq(worker.id, orders.checkedInBy))
    .where(where)
    .orderBy(by(orders.slotStart), by(orders.id))
    .limit(limit)
  return (await q) as OrderRow[]
}

export async function fetchEvents(db: Db, orderIds: number[]): Promise<Map<number, OrderEvent[]>> {
  const out = new Map<number, OrderEvent[]>()
  if (orderIds.length === 0) return out
  const rows = await db
    .select({ ev: orderEvents, stationName: stations.name })
    .from(orderEvents)
    .leftJoin(stations, eq(stations.id, orderEvents.stationId))
    .where(inArray(orderEvents.orderId, orderIds))
    .orderBy(asc(orderEvents.at), asc(orderEvents.id))
  for (const { ev, stationName } of rows) {
    const list = out.get(ev.orderId) ?? []
    list.push({
      at: toBusinessIso(ev.at), fromStatus: ev.fromStatus, toStatus: ev.toStatus, actorRole: ev.actorRole, stationName, reason: ev.reason,
      text: describeEvent({ fromStatus: ev.fromStatus, toStatus: ev.toStatus, stationName, reason: ev.reason }),
    })
    out.set(ev.orderId, list)
  }
  return out
}

/** Those serving or acting for the elder see the address and phone in full; a supervisor sees the phone masked. */
export function toOrderDto(row: Omit<OrderRow, 'e'> & { e: Pick<OrderRow['e'], 'id' | 'name' | 'address' | 'phone'> }, auth: Auth, at: { now: Date; checkIn: CheckInRule }, events?: OrderEvent[], complained: OrderComplaints = NO_COMPLAINTS): Order {
  const { now } = at
  const { o, sv, e, st } = row
  const fullContact = auth.role !== 'supervisor'
  return {
    id: o.id,
    status: o.status,
    elder: { id: e.id, name: e.name, address: e.address, phone: fullContact ? e.phone : maskPhone(e.phone) },
    service: { id: sv.id, name: sv.name, category: sv.category, unit: sv.unit, durationMinutes: sv.durationMinutes },
    station: st && st.id ? { id: st.id, name: st.name, phone: st.phone } : null,
    slotStart: toBusinessIso(o.slotStart),
    price: {
      tier: o.tier, priceVersionId: o.priceVersionId, listPriceFen: o.listPriceFen, tierPriceFen: o.tierPriceFen, subsidyFen: o.subsidyFen,
      payableFen: o.payableFen, hoursKind: o.hoursKind, hoursUsedMinutes: o.hoursUsedMinutes, hoursRemainingMinutes: null, explanation: o.priceExplanation,
    },
    routeExplanation: o.routeExplanation,
    channel: o.channel,
    placedBy: placedByDto(o, row.by),
    note: o.note,
    actualMinutes: o.actualMinutes,
    visit: visitDto(o, auth, row.worker?.name ?? null),
    charge: o.chargedFen === null ? null : describeCharge(o.payableFen, o.chargedFen),
    rating: ratingDto(row.r),
    complaints: complained.complaints,
    refundFen: complained.refundFen,
    overdue: o.status === 'accepted' && now.getTime() > o.slotStart.getTime() + OVERDUE_AFTER_MINUTES * 60_000,
    checkInWindow: checkInWindowDto(o.slotStart, at.checkIn),
    createdAt: toBusinessIso(o.createdAt),
    // Staff reading an order they phoned in that another station serves: nothing for them to do on it.
    allowedActions: servesElsewhere(o, auth) ? [] : allowedOrderActions(o.status, auth.role),
    ...(events ? { events } : {}),
  }
}

function servesElsewhere(o: Pick<OrderRow['o'], 'stationId'>, auth: Auth): boolean {
  return (auth.role === 'staff' || auth.role === 'station_admin') && o.stationId !== auth.stationId
}

/** An order not yet visited: the visit and charge columns of a new row. */
export const NOT_VISITED = {
  checkInAt: null, checkOutAt: null, checkedInBy: null, checkedOutBy: null, checkInLat: null, checkInLng: null,
  checkInAccuracyMeters: null, checkInDistanceMeters: null, clockedMinutes: null, correctionReason: null, chargedFen: null, chargeFlag: null, workNote: null,
} satisfies Partial<OrderRow['o']>

/** Residents see times, minutes and distance; the station and the supervisor also who checked in/out and where. */
function visitDto(o: OrderRow['o'], auth: Auth, workerName: string | null): OrderVisit {
  const visit: OrderVisit = {
    checkInAt: o.checkInAt ? toBusinessIso(o.checkInAt) : null,
    checkOutAt: o.checkOutAt ? toBusinessIso(o.checkOutAt) : null,
    servedMinutes: o.checkOutAt ? o.actualMinutes : null,
    correctedFromMinutes: o.correctionReason ? o.clockedMinutes : null,
    correctionReason: o.correctionReason,
    checkInDistanceMeters: o.checkInDistanceMeters,
    workerName: o.checkInAt ? workerName : null,
    workNote: o.workNote,
  }
  if (auth.role === 'elder' || auth.role === 'family') return visit
  const point = o.checkInLat !== null && o.checkInLng !== null
    ? { lat: o.checkInLat, lng: o.checkInLng, ...(o.checkInAccuracyMeters !== null ? { accuracyMeters: o.checkInAccuracyMeters } : {}) }
    : null
  return { ...visit, checkedInBy: o.checkedInBy, checkedOutBy: o.checkedOutBy, checkInLocation: point }
}

export function placedByDto(o: Pick<OrderRow['o'], 'channel' | 'placedByRole'>, by: People['by']): Order['placedBy'] {
  const p = { role: o.placedByRole, name: by?.name ?? '', stationName: o.channel === 'phone' ? (by?.stationName ?? null) : null }
  return { ...p, text: placedByText(o.channel, p) }
}

/** The stars given for this visit, with until when they can still be changed. */
export function ratingDto(r: RatingCols | null | undefined): Order['rating'] {
  if (!r || r.stars === null) return null
  return { stars: r.stars, comment: r.comment, ratedAt: toBusinessIso(r.createdAt), editableUntil: toBusinessIso(new Date(r.createdAt.getTime() + RATING_EDITABLE_DAYS * 86_400_000)) }
}
