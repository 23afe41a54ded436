import { and, eq } from 'drizzle-orm'
import { businessDayStart, toBusinessIso } from '@carecircle/shared'
import type { AppDeps } from '../app'
import { capacityRules, stations } from '../db/schema'
import { notFound } from '../errors'
import { loadService } from '../orders/plan-booking'
import { loadBooked } from '../routing/load-candidates'
import { isBookableTime, slotsForDay } from './slot-times'

/** One station's slots of a day for a service: capacity, booked and places left. */
export async function listStationSlots(deps: AppDeps, stationId: number, q: { date: string; serviceId: number }) {
  const db = deps.database.db
  const [station] = await db.select({ id: stations.id }).from(stations).where(eq(stations.id, stationId)).limit(1)
  if (!station) throw notFound('这个驿站')
  const service = await loadService(deps, q.serviceId)
  const rules = await db.select().from(capacityRules).where(and(eq(capacityRules.stationId, stationId), eq(capacityRules.category, service.category)))
  const from = businessDayStart(q.date)
  const booked = await loadBooked(db, [stationId], service.category, from, new Date(from.getTime() + 86_400_000))
  const now = deps.clock()
  return {
    stationId,
    serviceId: service.id,
    date: q.date,
    slots: slotsForDay(rules, q.date).map((s) => {
      const taken = booked.get(`${stationId}|${s.start.getTime()}`) ?? 0
      const left = isBookableTime(s.start, now) ? Math.max(0, s.capacity - taken) : 0
      return { slotStart: toBusinessIso(s.start), slotEnd: toBusinessIso(s.end), capacity: s.capacity, booked: taken, available: left }
    }),
  }
}
