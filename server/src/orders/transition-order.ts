import { and, eq } from 'drizzle-orm'
import { canTransition, chargeFlag, describeCharge, ORDER_STATUS_LABELS, ORDER_TRANSITIONS, type Order, type OrderAction, type OrderActionBody, type OrderStatus } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { inTransaction, type Tx } from '../db/tx'
import { elders, orderEvents, orders, hoursLedger } from '../db/schema'
import { AppError, forbidden, notFound } from '../errors'
import { moveMinutes } from '../pricing/hours-balance'
import { releaseSlot } from '../slots/take-slot'
import { fetchOrderRows } from './order-view'
import { orderScope } from './order-scope'
import { getOrder } from './list-orders'
import { moveOrderOn, orderFacts } from './reroute-order'
import { recordOrderNotices, type OrderChange } from '../notifications/order-notices'
import { pushNotices } from '../notifications/push-notices'
import { assertCheckInOpen, assertConsequencesConfirmed, checkInFacts, servedMinutes, servedText } from './visit-rules'

type OrderRow = typeof orders.$inferSelect

/**
 * Moves an order along the declared state machine (shared/orders.ts). Visibility first (404), then role
 * (403), then the state guard (409), all re-checked under the row lock; the change and its event commit together.
 */
export async function transitionOrder(deps: AppDeps, auth: Auth, id: number, action: OrderAction, body: OrderActionBody): Promise<Order> {
  const db = deps.database.db
  const [row] = await fetchOrderRows(db, and(eq(orders.id, id), await orderScope(db, auth)), 1)
  if (!row) throw notFound('这个订单')
  if (!ORDER_TRANSITIONS[action].roles.includes(auth.role)) throw forbidden('您的身份不能进行这个操作')
  if (action === 'decline' && !body.reason) throw new AppError(400, 'VALIDATION_FAILED', '请说明无法接单的原因')

  const notices = await inTransaction(db, async (tx) => {
    const now = deps.clock()
    if (action === 'cancel') await tx.select({ id: elders.id }).from(elders).where(eq(elders.id, row.o.elderId)).for('update')
    const [o] = await tx.select().from(orders).where(eq(orders.id, id)).for('update')
    const stationMoved = (auth.role === 'staff' || auth.role === 'station_admin') && o.stationId !== auth.stationId
    if (stationMoved) throw notFound('这个订单')
    if (!canTransition(action, o.status, auth.role)) {
      throw new AppError(409, 'ILLEGAL_TRANSITION', `订单现在是“${ORDER_STATUS_LABELS[o.status]}”，不能${ORDER_TRANSITIONS[action].label}`)
    }
    const event = (toStatus: OrderStatus, extra: { stationId?: number | null; reason?: string | null } = {}) =>
      tx.insert(orderEvents).values({ orderId: id, actorUserId: auth.userId, actorRole: auth.role, fromStatus: o.status, toStatus, at: now, stationId: extra.stationId ?? o.stationId, reason: extra.reason ?? body.reason ?? null })
    // The elder and every bound relative hear of the step, in this transaction; the actor does not hear of their own tap.
    const tell = (change: OrderChange) => recordOrderNotices(tx, orderFacts({ ...row, o }), change, auth.userId, now)
    switch (action) {
      case 'accept':
        await tx.update(orders).set({ status: 'accepted', updatedAt: now }).where(eq(orders.id, id))
        await event('accepted')
        return tell({ to: 'accepted', stationName: row.st?.name ?? '' })
      case 'start': {
        assertCheckInOpen(now, o.slotStart, deps.config.checkIn)
        const checkIn = checkInFacts(auth.userId, now, { lat: row.e.homeLat, lng: row.e.homeLng }, body.location)
        await tx.update(orders).set({ status: 'in_service', ...checkIn, updatedAt: now }).where(eq(orders.id, id))
        await event('in_service', { reason: checkIn.checkInDistanceMeters === null ? null : `签到位置离老人家约 ${checkIn.checkInDistanceMeters} 米` })
        return tell({ to: 'in_service', workerName: await nameOf(deps, auth), at: now })
      }
      case 'complete': {
        // An order checked in before check-in times were recorded: its last change was the check-in.
        const m = servedMinutes(o.checkInAt ?? o.updatedAt, now, body)
        if (body.chargedFen === undefined) throw new AppError(400, 'VALIDATION_FAILED', '请填写实际收取的金额')
        assertConsequencesConfirmed({ elderName: row.e.name, tier: o.tier, payableFen: o.payableFen, chargedFen: body.chargedFen, servedMinutes: m.served }, body.confirmConsequences)
        await tx.update(orders).set({
          chargedFen: body.chargedFen, chargeFlag: chargeFlag(o.payableFen, body.chargedFen), workNote: body.workNote || null,
          status: 'completed', checkOutAt: now, checkedOutBy: auth.userId, clockedMinutes: m.clocked, actualMinutes: m.served,
          correctionReason: m.correctionReason, hoursUsedMinutes: Math.min(o.hoursUsedMinutes, m.served), updatedAt: now,
        }).where(eq(orders.id, id))
        await refundMinutes(tx, o, o.hoursUsedMinutes - m.served, '按实际服务时长退回', now)
        await event('completed', { reason: body.reason ?? servedText(m) })
        return tell({ to: 'completed', servedMinutes: m.served, charge: describeCharge(o.payableFen, body.chargedFen) })
      }
      case 'cancel':
        await releaseHeld(tx, o, row.sv.category)
        await refundMinutes(tx, o, o.hoursUsedMinutes, '取消退回', now)
        await tx.update(orders).set({ status: 'cancelled', updatedAt: now }).where(eq(orders.id, id))
        await event('cancelled')
        return tell({ to: 'cancelled', by: auth.role === 'elder' ? '老人本人' : `家人 ${await nameOf(deps, auth)}` })
      case 'decline': {
        // The explanation shown becomes the current assignment's; the events keep every earlier decision.
        const moved = await moveOrderOn(deps, tx, o, row, now, 'declined')
        await event(moved.next ? 'assigned' : 'unassigned', { stationId: moved.next?.stationId ?? null, reason: body.reason })
        return moved.notices
      }
    }
  })
  void pushNotices(db, deps.wechat, deps.config.push, deps.log, notices)
  // The decliner can no longer see an order that moved on; the caller gets the outcome as the resident would see it,
  // but the order's complaints still as the station (none: an anonymous one must not be tied to the order).
  return getOrder(deps, action === 'decline' ? { ...auth, role: 'supervisor' } : auth, id, auth)
}

/** The caller's name as the elder and family read it (checked in by, cancelled by): never a phone. */
async function nameOf(deps: AppDeps, auth: Auth): Promise<string> {
  return (await deps.userStates.get(auth.userId))?.name ?? ''
}

async function releaseHeld(tx: Tx, o: OrderRow, category: Parameters<typeof releaseSlot>[1]['category']) {
  if (o.stationId) await releaseSlot(tx, { stationId: o.stationId, category, slotStart: o.slotStart })
}

/** Gives back purchased minutes this order took, traceably (a ledger row per refund). */
async function refundMinutes(tx: Tx, o: OrderRow, minutes: number, reason: string, now: Date) {
  if (minutes <= 0 || o.hoursUsedMinutes <= 0) return
  const [used] = await tx.select({ balanceId: hoursLedger.balanceId }).from(hoursLedger).where(eq(hoursLedger.orderId, o.id)).limit(1)
  if (used) await moveMinutes(tx, used.balanceId, o.id, Math.min(minutes, o.hoursUsedMinutes), reason, now)
}
