import { and, eq, gt, inArray } from 'drizzle-orm'
import { toBusinessIso, type StationSupervision } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { orderEvents, orders, stations } from '../db/schema'
import { inTransaction, type Tx } from '../db/tx'
import { AppError, notFound } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { fetchOrderRows } from '../orders/order-view'
import { moveOrderOn } from '../orders/reroute-order'

type StationRow = typeof stations.$inferSelect

export function toSupervision(s: StationRow, counts: StationSupervision['orders']): StationSupervision {
  return {
    station: { id: s.id, name: s.name, status: s.status, suspendedReason: s.suspendedReason, suspendedAt: s.suspendedAt ? toBusinessIso(s.suspendedAt) : null },
    orders: counts,
  }
}

/**
 * 暂停接单: the station row's update waits for bookings holding it in share mode (orders/booking-sql.ts) and every
 * booking after this commit is refused by station_slots_station_open, on any process. Open future orders are
 * re-routed to the next station in reach (as a decline would) or kept, as the supervisor chose.
 */
export async function suspendStation(deps: AppDeps, auth: Auth, stationId: number, req: { reason: string; reroute: boolean }): Promise<StationSupervision> {
  const db = deps.database.db
  const result = await inTransaction(db, async (tx) => {
    const now = deps.clock()
    const [s] = await tx.select().from(stations).where(eq(stations.id, stationId)).for('update')
    if (!s) throw notFound('这个驿站')
    if (s.status !== 'active') throw new AppError(409, 'ILLEGAL_TRANSITION', s.status === 'suspended' ? '这个驿站已经暂停接单了' : '这个驿站已经关闭')
    await tx.update(stations).set({ status: 'suspended', suspendedReason: req.reason, suspendedAt: now, updatedAt: now }).where(eq(stations.id, stationId))
    const open = await tx.select().from(orders).where(and(eq(orders.stationId, stationId), inArray(orders.status, ['assigned', 'accepted']), gt(orders.slotStart, now))).for('update')
    const counts = { rerouted: 0, unassigned: 0, kept: req.reroute ? 0 : open.length }
    if (req.reroute) for (const o of open) counts[(await moveAway(deps, tx, auth, o, req.reason, now)) ? 'rerouted' : 'unassigned']++
    await recordAudit(tx, { actorUserId: auth.userId, action: 'station.suspend', entity: 'station', entityId: stationId, detail: { reason: req.reason, reroute: req.reroute, ...counts }, at: now })
    return { station: { ...s, status: 'suspended' as const, suspendedReason: req.reason, suspendedAt: now }, counts }
  })
  deps.stationIndex.invalidate()
  deps.stationFacts.invalidate()
  return toSupervision(result.station, result.counts)
}

/** One open order of the suspended station to the next station in reach, or unassigned; true if it found one. */
async function moveAway(deps: AppDeps, tx: Tx, auth: Auth, o: typeof orders.$inferSelect, reason: string, now: Date): Promise<boolean> {
  const [view] = await fetchOrderRows(tx as never, eq(orders.id, o.id), 1)
  const next = await moveOrderOn(deps, tx, o, view, now, false)
  await tx.insert(orderEvents).values({
    orderId: o.id, actorUserId: auth.userId, actorRole: auth.role, fromStatus: o.status, toStatus: next ? 'assigned' : 'unassigned',
    stationId: next?.stationId ?? null, reason: `原驿站暂停接单：${reason}`.slice(0, 200), at: now,
  })
  return next !== null
}
