import { and, eq } from 'drizzle-orm'
import type { VisitRecord } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { orders } from '../db/schema'
import { AppError, notFound } from '../errors'
import { fetchOrderRows } from '../orders/order-view'
import { orderReadScope } from '../orders/order-scope'
import { toVisitRecord } from './visit-record'

/** 服务记录 of one visit: an order the caller cannot see is 404 (existence does not leak); one not yet done is 409. */
export async function getVisitRecord(deps: Pick<AppDeps, 'database'>, auth: Auth, orderId: number): Promise<VisitRecord> {
  const db = deps.database.db
  const [row] = await fetchOrderRows(db, and(eq(orders.id, orderId), await orderReadScope(db, auth)), 1)
  if (!row) throw notFound('这个订单')
  if (row.o.status !== 'completed') throw new AppError(409, 'VISIT_NOT_COMPLETED', '这次服务还没有完成签退，完成后才有服务记录，可先在订单详情里查看进度')
  return toVisitRecord(row)
}
