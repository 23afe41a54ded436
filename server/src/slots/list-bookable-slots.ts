import { businessDayStart, toBusinessIso, type BookableSlotsResponse } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { elderActedFor } from '../orders/elder-access'
import { loadService } from '../orders/plan-booking'
import { candidatesAt, loadBooked, loadReach } from '../routing/load-candidates'
import { routeOrder } from '../routing/route-order'
import { isBookableTime, slotsForDay } from './slot-times'

/** The slots of a day that routing could really serve for this elder: some station in reach has room. */
export async function listBookableSlots(deps: AppDeps, auth: Auth, q: { elderId: number; serviceId: number; date: string }): Promise<BookableSlotsResponse> {
  const db = deps.database.db
  const elder = await elderActedFor(db, auth, q.elderId)
  const service = await loadService(deps, q.serviceId)
  const now = deps.clock()
  const reach = await loadReach(deps.stationFacts, await deps.stationIndex.get(), { lat: elder.homeLat, lng: elder.homeLng }, service, now)
  const serving = reach.inCircle.filter((c) => c.station.status === 'active' && reach.prices.has(c.station.id))
  const from = businessDayStart(q.date)
  const booked = await loadBooked(db, serving.map((c) => c.station.id), service.category, from, new Date(from.getTime() + 86_400_000))
  const starts = new Map<number, Date>()
  for (const c of serving) for (const s of slotsForDay(reach.rules.get(c.station.id) ?? [], q.date)) starts.set(s.start.getTime(), s.end)
  const slots = [...starts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([t, end]) => {
      const start = new Date(t)
      const available = isBookableTime(start, now) && routeOrder(candidatesAt(reach, start, booked)).ok
      return { slotStart: toBusinessIso(start), slotEnd: toBusinessIso(end), available }
    })
  return { date: q.date, slots }
}
