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
import type { Notice } from '../notifications/notify'
import { pushNotices } from '../notifications/push-notices'

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
    const notices: Notice[] = []
    if (req.reroute) {
      for (const o of open) {
        const moved = await moveAway(deps, tx, auth, o, req.reason, now)
        counts[moved.next ? 'rerouted' : 'unassigned']++
        notices.push(...moved.notices)
      }
    }
    await recordAudit(tx, { actorUserId: auth.userId, action: 'station.suspend', entity: 'station', entityId: stationId, detail: { reason: req.reason, reroute: req.reroute, ...counts }, at: now })
    return { station: { ...s, status: 'suspended' as const, suspendedReason: req.reason, suspendedAt: now }, counts, notices }
  })
  deps.stationIndex.invalidate()
  deps.stationFacts.invalidate()
  void pushNotices(db, deps.wechat, deps.config.push, deps.log, result.notices)
  return toSupervision(result.station, result.counts)
}

/** One open order of the suspended station to the next station in reach, or unassigned, with the elder's and family's notices. */
async function moveAway(deps: AppDeps, tx: Tx, auth: Auth, o: typeof orders.$inferSelect, reason: string, now: Date) {
  const [view] = await fetchOrderRows(tx as never, eq(orders.id, o.id), 1)
  const moved = await moveOrderOn(deps, tx, o, view, now, 'suspended')
  const next = moved.next
  await tx.insert(orderEvents).values({
    orderId: o.id, actorUserId: auth.userId, actorRole: auth.role, fromStatus: o.status, toStatus: next ? 'assigned' : 'unassigned',
    stationId: next?.stationId ?? null, reason: `原驿站暂停接单：${reason}`.slice(0, 200), at: now,
  })
  return moved
}
