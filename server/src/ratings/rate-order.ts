import { and, eq, gte } from 'drizzle-orm'
import { RATING_EDITABLE_DAYS, RATING_WINDOW_DAYS, type Order, type RateOrderRequest } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { orders, ratings, stations } from '../db/schema'
import { inTransaction } from '../db/tx'
import { AppError, forbidden, notFound } from '../errors'
import { orderScope } from '../orders/order-scope'
import { getOrder } from '../orders/list-orders'
import { stationRating } from './station-rating'

const DAY = 86_400_000

/**
 * 星级评定: the elder or a bound relative rates a completed visit 1–5 stars, once; they may change it for 7 days.
 * The station's stored rating (its last 90 days) is recomputed in the same transaction.
 */
export async function rateOrder(deps: AppDeps, auth: Auth, orderId: number, req: RateOrderRequest): Promise<{ status: number; order: Order }> {
  const db = deps.database.db
  const [visible] = await db.select({ id: orders.id }).from(orders).where(and(eq(orders.id, orderId), await orderScope(db, auth))).limit(1)
  if (!visible) throw notFound('这个订单')
  if (auth.role !== 'elder' && auth.role !== 'family') throw forbidden('只有老人和家属可以评价')
  const created = await inTransaction(db, async (tx) => {
    const now = deps.clock()
    const [o] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update')
    if (o.status !== 'completed' || !o.stationId) throw new AppError(409, 'ILLEGAL_TRANSITION', '服务完成签退后才能评价')
    const [prior] = await tx.select().from(ratings).where(eq(ratings.orderId, orderId)).limit(1)
    if (prior && now.getTime() > prior.createdAt.getTime() + RATING_EDITABLE_DAYS * DAY) {
      throw new AppError(409, 'ILLEGAL_TRANSITION', `评价已超过 ${RATING_EDITABLE_DAYS} 天，不能再修改；如有问题可以投诉`)
    }
    if (prior) await tx.update(ratings).set({ stars: req.stars, comment: req.comment || null, userId: auth.userId, updatedAt: now }).where(eq(ratings.id, prior.id))
    else await tx.insert(ratings).values({ orderId, stationId: o.stationId, elderId: o.elderId, userId: auth.userId, stars: req.stars, comment: req.comment || null, createdAt: now, updatedAt: now })
    const window = await tx
      .select({ stars: ratings.stars })
      .from(ratings)
      .where(and(eq(ratings.stationId, o.stationId), gte(ratings.createdAt, new Date(now.getTime() - RATING_WINDOW_DAYS * DAY))))
    await tx.update(stations).set({ ...stationRating(window.map((r) => r.stars)), updatedAt: now }).where(eq(stations.id, o.stationId))
    return !prior
  })
  deps.stationIndex.invalidate() // routing ties use the new rating at once in this process
  return { status: created ? 201 : 200, order: await getOrder(deps, auth, orderId) }
}
