import { and, eq, inArray, sql } from 'drizzle-orm'
import type { CreateOrderRequest, Order } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { inTransaction } from '../db/tx'
import { elders, hoursBalances, orderEvents, orders } from '../db/schema'
import { AppError } from '../errors'
import { DEFAULT_HOURS_POLICY, weekStartOf } from '../pricing/hours-policy'
import { moveMinutes } from '../pricing/hours-balance'
import { ensureSlotRows, takeSlot } from '../slots/take-slot'
import { ruleForSlot } from '../slots/slot-times'
import { planBooking, priceAt } from './plan-booking'
import { toOrderDto } from './order-view'
import type { Complete } from './idempotency'

const ACTIVE = ['created', 'assigned', 'accepted', 'in_service', 'unassigned'] as const

/**
 * Books: the slot place, the purchased minutes and the order with its events commit together or not at all.
 * If the best station filled up meanwhile, the next ranked one is tried. The hot path of the product:
 * `npm run bench` measures it, so each statement here is one that has to be.
 */
export async function createOrder(deps: AppDeps, auth: Auth, req: CreateOrderRequest, complete: Complete): Promise<Order> {
  const db = deps.database.db
  const plan = await planBooking(deps, auth, req, { peekHours: false })
  const { elder, service, slotStart } = plan
  const category = service.category
  const missing = plan.ranked.filter((c) => !plan.booked.has(`${c.stationId}|${slotStart.getTime()}`))
  await ensureSlotRows(db, missing.map((c) => ({ stationId: c.stationId, category, slotStart, capacity: ruleForSlot(plan.reach.rules.get(c.stationId) ?? [], slotStart)!.capacity })))
  const hoursKind = service.hoursKind
  const usesHours = hoursKind !== null && elder.tier !== 'paid' && elder.tierVerifiedAt !== null
  const weekStart = weekStartOf(slotStart)

  return inTransaction(db, async (tx) => {
    const now = deps.clock()
    // One statement: lock the elder (one booking at a time per elder guards duplicates and the weekly
    // minutes), see whether this service and slot is already booked, and lock this week's minutes.
    const [locked] = await tx
      .select({
        dup: sql<number | null>`(SELECT ${orders.id} FROM ${orders} WHERE ${and(eq(orders.elderId, elder.id), eq(orders.serviceId, service.id), eq(orders.slotStart, slotStart), inArray(orders.status, [...ACTIVE]))} LIMIT 1)`,
        balanceId: hoursBalances.id,
        remaining: sql<number | null>`${hoursBalances.grantedMinutes} - ${hoursBalances.usedMinutes}`,
      })
      .from(elders)
      .leftJoin(hoursBalances, and(eq(hoursBalances.elderId, elders.id), eq(hoursBalances.weekStart, weekStart), eq(hoursBalances.kind, hoursKind ?? 'housekeeping')))
      .where(eq(elders.id, elder.id))
      .for('update')
    if (locked.dup) throw new AppError(409, 'ALREADY_BOOKED', `这个时段已经为${elder.name}预约过这项服务（订单 ${locked.dup}），请到“我的订单”查看`)

    let winner = null
    for (const c of plan.ranked) if (await takeSlot(tx, { stationId: c.stationId, category, slotStart })) { winner = c; break }
    if (!winner) throw new AppError(409, 'SLOT_FULL', '这个时段刚刚被约满了，请换一个时间')

    let balance = usesHours && locked.balanceId ? { id: locked.balanceId, remaining: Number(locked.remaining) } : null
    if (usesHours && !balance) {
      // First booking of the week: the elder lock makes this insert race-free.
      const granted = DEFAULT_HOURS_POLICY.weeklyMinutes(elder.tier, hoursKind!)
      const [ins] = await tx.insert(hoursBalances).values({ elderId: elder.id, weekStart, kind: hoursKind!, grantedMinutes: granted })
      balance = { id: ins.insertId, remaining: granted }
    }
    const price = priceAt(plan, winner.stationId, balance?.remaining ?? 0)
    const values = {
      elderId: elder.id, serviceId: service.id, stationId: winner.stationId, bookedBy: auth.userId, status: 'assigned' as const, slotStart,
      priceVersionId: price.priceVersionId, tier: price.tier, listPriceFen: price.listPriceFen, tierPriceFen: price.tierPriceFen,
      subsidyFen: price.subsidyFen, payableFen: price.payableFen, hoursKind, hoursUsedMinutes: price.hoursUsedMinutes,
      priceExplanation: price.explanation, routeExplanation: winner.verdict.explanation, distanceMeters: winner.verdict.distanceMeters,
      travelMinutes: winner.verdict.travelMinutes, declinedStationIds: [], note: req.note ?? null, createdAt: now, updatedAt: now,
    }
    const [res] = await tx.insert(orders).values(values)
    const orderId = res.insertId
    const actor = { orderId, actorUserId: auth.userId, actorRole: auth.role, at: now }
    await tx.insert(orderEvents).values([
      { ...actor, fromStatus: null, toStatus: 'created' },
      { ...actor, fromStatus: 'created', toStatus: 'assigned', stationId: winner.stationId, reason: winner.verdict.explanation.replace(/^[^，]+，/, '') },
    ])
    if (balance && price.hoursUsedMinutes > 0) await moveMinutes(tx, balance.id, orderId, -price.hoursUsedMinutes, '预约使用', now)

    const row = { ...values, id: orderId, actualMinutes: null, overdueAt: null, note: values.note }
    const dto = toOrderDto({ o: row, sv: service, e: elder, st: { id: winner.stationId, name: winner.name, phone: winner.phone } }, auth, now)
    dto.price.hoursRemainingMinutes = price.hoursRemainingMinutes
    await complete(tx, 201, dto)
    return dto
  })
}
