import { and, eq, gt, gte, lt, or, isNotNull } from 'drizzle-orm'
import { businessDayStart, ordersListOrder, ORDERS_PAGE_DEFAULT, type OrdersQuery, type OrdersResponse, type Order } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { orders } from '../db/schema'
import { forbidden, notFound } from '../errors'
import { fetchEvents, fetchOrderRows, toOrderDto } from './order-view'
import { orderReadScope, orderScope } from './order-scope'
import { decodeOrderCursor, encodeOrderCursor } from './order-cursor'
import { fetchOrderComplaints } from './order-complaints'

/**
 * One page of the orders a caller may see. Keyset paging on (slot_start, id): a page starts strictly after
 * the previous page's last row, so rows inserted meanwhile never shift a page (no repeats, no gaps), unlike OFFSET.
 * Which way the list reads is declared in shared (ordersListOrder).
 */
export async function listOrders(deps: AppDeps, auth: Auth, q: OrdersQuery): Promise<OrdersResponse> {
  const db = deps.database.db
  const order = ordersListOrder(q)
  const limit = q.limit ?? ORDERS_PAGE_DEFAULT
  const filters = [await orderScope(db, auth)]
  if (q.date) {
    const from = businessDayStart(q.date)
    filters.push(gte(orders.slotStart, from), lt(orders.slotStart, new Date(from.getTime() + 86_400_000)))
  }
  if (q.status) filters.push(eq(orders.status, q.status))
  // Flagged orders are the supervisor's list: for a station it would turn an anonymous fee complaint back into a person.
  if (q.chargeFlag && (auth.role === 'staff' || auth.role === 'station_admin')) throw forbidden('按收费异常筛选订单只对民政部门开放；收费投诉请在“投诉处理”里查看')
  if (q.chargeFlag) filters.push(q.chargeFlag === 'any' ? isNotNull(orders.chargeFlag) : eq(orders.chargeFlag, q.chargeFlag))
  if (q.cursor) {
    const c = decodeOrderCursor(q.cursor, order)
    const at = new Date(c.slotStartMs)
    const beyond = order === 'asc' ? gt : lt
    filters.push(or(beyond(orders.slotStart, at), and(eq(orders.slotStart, at), beyond(orders.id, c.id)))!)
  }
  const rows = await fetchOrderRows(db, and(...filters), limit + 1, order)
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  const nextCursor = rows.length > limit && last ? encodeOrderCursor({ order, slotStartMs: last.o.slotStart.getTime(), id: last.o.id }) : null
  const at = { now: deps.clock(), checkIn: deps.config.checkIn }
  const complained = await fetchOrderComplaints(db, auth, page.map((r) => r.o.id))
  return { orders: page.map((r) => toOrderDto(r, auth, at, undefined, complained.get(r.o.id))), nextCursor }
}

/** `complaintsFor`: whose eyes the order's complaints are read with, when `auth` is widened to reach the order. */
export async function getOrder(deps: AppDeps, auth: Auth, id: number, complaintsFor: Auth = auth): Promise<Order> {
  const db = deps.database.db
  const [row] = await fetchOrderRows(db, and(eq(orders.id, id), await orderReadScope(db, auth)), 1)
  if (!row) throw notFound('这个订单')
  const [events, complained] = await Promise.all([fetchEvents(db, [id]), fetchOrderComplaints(db, complaintsFor, [id])])
  return toOrderDto(row, auth, { now: deps.clock(), checkIn: deps.config.checkIn }, events.get(id) ?? [], complained.get(id))
}
