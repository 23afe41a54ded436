import { and, eq, inArray, gte, lt } from 'drizzle-orm'
import type { GeoPoint, ServiceCategory } from '@carecircle/shared'
import type { Db } from '../db/client'
import { stationSlots } from '../db/schema'
import type { StationFactsCache, PricedItem } from './station-facts-cache'
import { assessCircle } from '../stations/service-circle'
import type { IndexedStation, StationIndex } from '../stations/station-index'
import type { CapacityRule } from '../slots/slot-times'
import { ruleForSlot } from '../slots/slot-times'
import { routeOrder, type RoutingCandidate } from './route-order'

/** Everything routing needs about the stations that could serve one home and one service. */
export interface Reach {
  home: GeoPoint
  /** Stations whose circle covers the home (any status but closed), with their verdicts. */
  inCircle: { station: IndexedStation; verdict: ReturnType<typeof assessCircle> }[]
  /** The nearest active station, for the "nobody covers you" explanation. */
  nearest: { station: IndexedStation; verdict: ReturnType<typeof assessCircle> } | null
  prices: Map<number, PricedItem>
  rules: Map<number, CapacityRule[]>
}

/** Spatial index first (never a scan of all stations), then prices and rules of those few stations from memory. */
export async function loadReach(facts: StationFactsCache, index: StationIndex, home: GeoPoint, service: { id: number; category: ServiceCategory }, now: Date): Promise<Reach> {
  const { inCircle, nearest } = circleOf(index, home)
  const prices = new Map<number, PricedItem>()
  const rules = new Map<number, CapacityRule[]>()
  const known = await facts.load(inCircle.map((c) => c.station.id))
  for (const { station } of inCircle) {
    const item = known.priceAt(station.id, service.id, now)
    if (item) prices.set(station.id, item)
    rules.set(station.id, known.rulesOf(station.id, service.category))
  }
  return { home, inCircle, nearest, prices, rules }
}

/** The stations whose circle covers the home, and the nearest active one: from the spatial index only. */
export function circleOf(index: StationIndex, home: GeoPoint): Pick<Reach, 'inCircle' | 'nearest'> {
  const inCircle = stationsCovering(index, home, (s) => s.status !== 'closed')
  const nearestStation = index.nearest(home.lat, home.lng, 1, 50, (s) => s.status === 'active')[0]
  const nearest = nearestStation ? { station: nearestStation, verdict: assessCircle(nearestStation, home) } : null
  return { inCircle, nearest }
}

/** The stations (of those `keep` lets through) whose circle covers the home, with their verdicts: one kd-tree query. */
export function stationsCovering(index: StationIndex, home: GeoPoint, keep: (s: IndexedStation) => boolean): Reach['inCircle'] {
  const near = index.nearest(home.lat, home.lng, Infinity, index.maxReachKm, keep)
  return near.map((station) => ({ station, verdict: assessCircle(station, home) })).filter((c) => c.verdict.withinCircle)
}

/**
 * The station that serves this home when no service or time is named yet (help bar, 首页): routing's own rule over
 * the active stations whose circle covers it, each taken as offering the service with room. Null when none covers it.
 */
export function servingStationOf(index: StationIndex, home: GeoPoint): Reach['inCircle'][number] | null {
  const covering = stationsCovering(index, home, (s) => s.status === 'active')
  const routed = routeOrder(covering.map(({ station, verdict }) => ({
    stationId: station.id, name: station.name, phone: station.phone, active: true, verdict, offersService: true, capacity: 1, booked: 0, ratingTenths: station.ratingTenths,
  })))
  return routed.ok ? covering.find((c) => c.station.id === routed.winner.stationId) ?? null : null
}

/** Booked counts of the stations' slot rows in [from, to), keyed `${stationId}|${ms}`. */
export async function loadBooked(db: Db, stationIds: number[], category: ServiceCategory, from: Date, to: Date): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  if (stationIds.length === 0) return out
  const rows = await db
    .select({ stationId: stationSlots.stationId, slotStart: stationSlots.slotStart, booked: stationSlots.booked })
    .from(stationSlots)
    .where(and(inArray(stationSlots.stationId, stationIds), eq(stationSlots.category, category), gte(stationSlots.slotStart, from), lt(stationSlots.slotStart, to)))
  for (const r of rows) out.set(`${r.stationId}|${r.slotStart.getTime()}`, r.booked)
  return out
}

/** The routing view of the reach at one slot. */
export function candidatesAt(reach: Reach, slotStart: Date, booked: Map<string, number>): RoutingCandidate[] {
  const build = ({ station, verdict }: Reach['inCircle'][number]): RoutingCandidate => {
    const rule = ruleForSlot(reach.rules.get(station.id) ?? [], slotStart)
    return {
      stationId: station.id, name: station.name, phone: station.phone, active: station.status === 'active', verdict,
      offersService: reach.prices.has(station.id), capacity: rule?.capacity ?? 0,
      booked: booked.get(`${station.id}|${slotStart.getTime()}`) ?? 0, ratingTenths: station.ratingTenths,
    }
  }
  const list = reach.inCircle.map(build)
  if (list.length === 0 && reach.nearest) list.push(build(reach.nearest))
  return list
}
