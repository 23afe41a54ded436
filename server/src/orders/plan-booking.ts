import { HOTLINE, toBusinessIso, type PriceBreakdown, type QuoteRequest, type QuoteResponse, type RouteDecision } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { eq } from 'drizzle-orm'
import { services, stations } from '../db/schema'
import { AppError, notFound } from '../errors'
import { priceOrder } from '../pricing/price-order'
import { peekHoursRemaining } from '../pricing/hours-balance'
import { weekStartOf } from '../pricing/hours-policy'
import { pricedAsOf } from '../eligibility/effective-tier'
import { candidatesAt, loadBooked, loadReach, type Reach } from '../routing/load-candidates'
import { routeOrder, type RoutingCandidate } from '../routing/route-order'
import { isBookableTime, ruleForSlot } from '../slots/slot-times'
import { assertBookable, elderFor, type ElderRow } from '../access/elder-access'

export type ServiceRow = typeof services.$inferSelect

export interface BookingPlan {
  elder: BookingElder
  service: ServiceRow
  slotStart: Date
  reach: Reach
  ranked: RoutingCandidate[]
  winner: RoutingCandidate
  price: PriceBreakdown
}

export async function loadService(deps: AppDeps, id: number): Promise<ServiceRow> {
  const s = await deps.stationFacts.service(id)
  if (!s || !s.active) throw notFound('这项服务')
  return s
}

/**
 * Price for one candidate station, given minutes left in the visit's week; explained to the caller (the elder
 * themself, or family), naming that week as seen from `now` (本周, or 下周 when booked on Sunday for Monday).
 */
export function priceAt(plan: Pick<BookingPlan, 'elder' | 'service' | 'reach' | 'slotStart'>, stationId: number, hoursRemainingMinutes: number, callerUserId: number, now: Date): PriceBreakdown {
  const item = plan.reach.prices.get(stationId)!
  return priceOrder({
    tier: plan.elder.tier, tierVerified: plan.elder.tierVerifiedAt !== null, priceVersionId: item.priceVersionId, item,
    durationMinutes: plan.service.durationMinutes, hoursKind: plan.service.hoursKind, hoursRemainingMinutes,
    person: { elderName: plan.elder.name, callerIsElder: plan.elder.userId === callerUserId },
    weeks: { visit: weekStartOf(plan.slotStart), today: weekStartOf(now) },
  })
}

/** What a booking plan needs to know about the elder (the order path reads just these with raw SQL). */
export type BookingElder = Pick<ElderRow, 'id' | 'userId' | 'name' | 'phone' | 'address' | 'homeLat' | 'homeLng' | 'tier' | 'tierReason' | 'tierVerifiedAt' | 'tierExpiresAt' | 'weeklyHousekeepingMinutes' | 'weeklyMedicalMinutes'>
/** Booked counts at one slot, keyed `${stationId}|${ms}`. */
export type LoadBooked = (stationIds: number[], category: ServiceRow['category'], slotStart: Date) => Promise<Map<string, number>>

/** Which station would come, for an elder the caller may act for: shared by quotes and orders. */
export async function planFor(deps: AppDeps, elder: BookingElder, req: QuoteRequest, booked: LoadBooked) {
  const service = await loadService(deps, req.serviceId)
  const slotStart = new Date(req.slotStart)
  if (!isBookableTime(slotStart, deps.clock())) throw new AppError(400, 'SLOT_NOT_BOOKABLE', '这个时间已经过了或太远，请选择半小时以后、14 天以内的时段')
  const reach = await loadReach(deps.stationFacts, await deps.stationIndex.get(), { lat: elder.homeLat, lng: elder.homeLng }, service, deps.clock())
  if (reach.inCircle.length > 0 && !reach.inCircle.some((c) => ruleForSlot(reach.rules.get(c.station.id) ?? [], slotStart))) {
    throw new AppError(400, 'SLOT_NOT_BOOKABLE', '这个时间驿站不上门服务，请从列出的时段中选择')
  }
  const counts = await booked(reach.inCircle.map((c) => c.station.id), service.category, slotStart)
  return { elder, service, slotStart, reach, booked: counts, ...routeOrThrow(reach, slotStart, counts) }
}

export type Plan = Awaited<ReturnType<typeof planFor>>

/** The plan once a station turned out to be full after all (another booking took its last place meanwhile). */
export function withoutPlace(plan: Plan, fullStationId: number): Plan {
  const booked = new Map(plan.booked).set(`${fullStationId}|${plan.slotStart.getTime()}`, Number.MAX_SAFE_INTEGER)
  return { ...plan, booked, ...routeOrThrow(plan.reach, plan.slotStart, booked) }
}

function routeOrThrow(reach: Reach, slotStart: Date, booked: Map<string, number>) {
  const route = routeOrder(candidatesAt(reach, slotStart, booked))
  if (!route.ok) {
    const status = route.reason === 'SLOT_FULL' ? 409 : 422
    const nearest = route.nearestOutside
    throw new AppError(status, route.reason, route.explanation, {
      hotline: HOTLINE,
      ...(nearest ? { nearestStation: { id: nearest.stationId, name: nearest.name, phone: nearest.phone, distanceMeters: nearest.verdict.distanceMeters, travelMinutes: nearest.verdict.travelMinutes } } : {}),
    })
  }
  return { ranked: route.ranked, winner: route.winner }
}

export async function planBooking(deps: AppDeps, auth: Auth, req: QuoteRequest): Promise<BookingPlan> {
  const db = deps.database.db
  const found = await elderFor(deps, auth, req.elderId, 'book')
  assertBookable(found)
  const elder = pricedAsOf(found, deps.clock()) // a lapsed verification prices as paid
  const booked: LoadBooked = (ids, category, at) => loadBooked(db, ids, category, at, new Date(at.getTime() + 1))
  let plan = await planFor(deps, elder, req, booked)
  // This process's station index may not yet know of a suspension made by another: confirm the winner is active.
  for (let i = 0; i < 3 && !(await stationActive(db, plan.winner.stationId)); i++) {
    deps.stationIndex.invalidate()
    plan = await planFor(deps, elder, req, booked)
  }
  const remaining = await peekHoursRemaining(db, elder, plan.service.hoursKind, plan.slotStart, deps.config.hours)
  return { ...plan, price: priceAt(plan, plan.winner.stationId, remaining, auth.userId, deps.clock()) }
}

export function toRouteDecision(winner: RoutingCandidate, ranked: RoutingCandidate[]): RouteDecision {
  return {
    stationId: winner.stationId, stationName: winner.name, stationPhone: winner.phone,
    distanceMeters: winner.verdict.distanceMeters, travelMinutes: winner.verdict.travelMinutes, explanation: winner.verdict.explanation,
    alternatives: ranked.filter((c) => c !== winner).slice(0, 3).map((c) => ({ stationId: c.stationId, name: c.name, distanceMeters: c.verdict.distanceMeters, travelMinutes: c.verdict.travelMinutes })),
  }
}


/** One primary-key read: is the station active now (not suspended or closed)? */
async function stationActive(db: AppDeps['database']['db'], id: number): Promise<boolean> {
  const [row] = await db.select({ status: stations.status }).from(stations).where(eq(stations.id, id)).limit(1)
  return row?.status === 'active'
}
