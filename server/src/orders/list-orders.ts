import { and, eq, gte, lt } from 'drizzle-orm'
import { businessDayStart, type OrdersResponse, type OrderStatus, type Order } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { orders } from '../db/schema'
import { notFound } from '../errors'
import { fetchEvents, fetchOrderRows, toOrderDto } from './order-view'
import { orderScope } from './order-scope'

export async function listOrders(deps: AppDeps, auth: Auth, q: { date?: string; status?: OrderStatus }): Promise<OrdersResponse> {
  const db = deps.database.db
  const filters = [await orderScope(db, auth)]
  if (q.date) {
    const from = businessDayStart(q.date)
    filters.push(gte(orders.slotStart, from), lt(orders.slotStart, new Date(from.getTime() + 86_400_000)))
  }
  if (q.status) filters.push(eq(orders.status, q.status))
  const rows = await fetchOrderRows(db, and(...filters))
  // Residents read newest first; a station's day list reads in time order.
  const residents = auth.role === 'elder' || auth.role === 'family'
  if (residents) rows.sort((a, b) => b.o.slotStart.getTime() - a.o.slotStart.getTime() || b.o.id - a.o.id)
  const now = deps.clock()
  return { orders: rows.map((r) => toOrderDto(r, auth, now)) }
}

export async function getOrder(deps: AppDeps, auth: Auth, id: number): Promise<Order> {
  const db = deps.database.db
  const [row] = await fetchOrderRows(db, and(eq(orders.id, id), await orderScope(db, auth)), 1)
  if (!row) throw notFound('这个订单')
  const events = await fetchEvents(db, [id])
  return toOrderDto(row, auth, deps.clock(), events.get(id) ?? [])
}
