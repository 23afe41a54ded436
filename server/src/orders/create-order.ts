import { and, eq, inArray } from 'drizzle-orm'
import type { CreateOrderRequest, Order } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { inTransaction } from '../db/tx'
import { elders, orderEvents, orders } from '../db/schema'
import { AppError } from '../errors'
import { ensureBalanceRow, lockBalance, moveMinutes } from '../pricing/hours-balance'
import { ensureSlotRows, takeSlot } from '../slots/take-slot'
import { ruleForSlot } from '../slots/slot-times'
import { planBooking, priceAt } from './plan-booking'
import { toOrderDto } from './order-view'
import type { Complete } from './idempotency'

const ACTIVE = ['created', 'assigned', 'accepted', 'in_service', 'unassigned'] as const

/**
 * Books: the slot place, the purchased minutes and the order with its events commit together or not at all.
 * If the best station filled up meanwhile, the next ranked one is tried.
 */
export async function createOrder(deps: AppDeps, auth: Auth, req: CreateOrderRequest, complete: Complete): Promise<Order> {
  const db = deps.database.db
  const plan = await planBooking(deps, auth, req)
  const { elder, service, slotStart } = plan
  const category = service.category
  await ensureSlotRows(db, plan.ranked.map((c) => ({ stationId: c.stationId, category, slotStart, capacity: ruleForSlot(plan.reach.rules.get(c.stationId) ?? [], slotStart)!.capacity })))
  const usesHours = service.hoursKind !== null && elder.tier !== 'paid' && elder.tierVerifiedAt !== null
  if (usesHours) await ensureBalanceRow(db, elder.id, elder.tier, service.hoursKind!, slotStart)

  return inTransaction(db, async (tx) => {
    const now = deps.clock()
    // One booking at a time per elder: guards duplicate orders and the weekly minutes.
    await tx.select({ id: elders.id }).from(elders).where(eq(elders.id, elder.id)).for('update')
    const [dup] = await tx
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.elderId, elder.id), eq(orders.serviceId, service.id), eq(orders.slotStart, slotStart), inArray(orders.status, [...ACTIVE])))
      .limit(1)
    if (dup) throw new AppError(409, 'ALREADY_BOOKED', `这个时段已经为${elder.name}预约过这项服务（订单 ${dup.id}），请到“我的订单”查看`)

    let winner = null
    for (const c of plan.ranked) if (await takeSlot(tx, { stationId: c.stationId, category, slotStart })) { winner = c; break }
    if (!winner) throw new AppError(409, 'SLOT_FULL', '这个时段刚刚被约满了，请换一个时间')

    const balance = usesHours ? await lockBalance(tx, elder.id, service.hoursKind!, slotStart) : null
    const price = priceAt(plan, winner.stationId, balance?.remaining ?? 0)
    const [res] = await tx.insert(orders).values({
      elderId: elder.id, serviceId: service.id, stationId: winner.stationId, bookedBy: auth.userId, status: 'assigned', slotStart,
      priceVersionId: price.priceVersionId, tier: price.tier, listPriceFen: price.listPriceFen, tierPriceFen: price.tierPriceFen,
      subsidyFen: price.subsidyFen, payableFen: price.payableFen, hoursKind: service.hoursKind, hoursUsedMinutes: price.hoursUsedMinutes,
      priceExplanation: price.explanation, routeExplanation: winner.verdict.explanation, distanceMeters: winner.verdict.distanceMeters,
      travelMinutes: winner.verdict.travelMinutes, declinedStationIds: [], note: req.note ?? null, createdAt: now, updatedAt: now,
    })
    const orderId = res.insertId
    const actor = { orderId, actorUserId: auth.userId, actorRole: auth.role, at: now }
    await tx.insert(orderEvents).values([
      { ...actor, fromStatus: null, toStatus: 'created' },
      { ...actor, fromStatus: 'created', toStatus: 'assigned', stationId: winner.stationId, reason: winner.verdict.explanation.replace(/^[^，]+，/, '') },
    ])
    if (balance && price.hoursUsedMinutes > 0) await moveMinutes(tx, balance.id, orderId, -price.hoursUsedMinutes, '预约使用', now)

    const dto = toOrderDto(
      {
        o: { ...(await tx.select().from(orders).where(eq(orders.id, orderId)))[0] },
        sv: service, e: elder, st: { id: winner.stationId, name: winner.name, phone: winner.phone },
      },
      auth, now,
    )
    dto.price.hoursRemainingMinutes = price.hoursRemainingMinutes
    await complete(tx, 201, dto)
    return dto
  })
}
