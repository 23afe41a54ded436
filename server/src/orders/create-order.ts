import type { PoolConnection } from 'mysql2/promise'
import type { CreateOrderRequest, Order } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { retryDeadlocks } from '../db/tx'
import { AppError } from '../errors'
import { DEFAULT_HOURS_POLICY, weekStartOf } from '../pricing/hours-policy'
import { ruleForSlot } from '../slots/slot-times'
import { planFor, priceAt, type BookingElder } from './plan-booking'
import { toOrderDto } from './order-view'
import { elderNotFound, mayActFor } from './elder-access'
import { KEY_TTL_MS, keyInUse, resolveTakenKey, type StoredResponse } from './idempotency'
import * as q from './booking-sql'

type Key = { userId: number; key: string }

/**
 * POST /api/orders, once per (user, Idempotency-Key), on one held connection (see booking-sql.ts for why).
 * 4xx outcomes are stored for replay; 5xx free the key.
 */
export async function placeOrder(deps: AppDeps, auth: Auth, req: CreateOrderRequest, key: string, hash: string): Promise<StoredResponse> {
  const now = deps.clock()
  const k: Key = { userId: auth.userId, key }
  const conn = await deps.database.batchPool.getConnection()
  let broken = false
  try {
    const claim = () => q.claimAndReadElder(conn, { ...k, hash, expiresAt: new Date(now.getTime() + KEY_TTL_MS) }, req.elderId)
    let { claimed, elder } = await claim()
    for (let attempt = 1; !claimed; attempt++) {
      const taken = await resolveTakenKey(deps.database.db, auth.userId, key, hash, now)
      if (taken !== 'retry') return taken
      if (attempt >= 2) throw keyInUse()
      ;({ claimed, elder } = await claim())
    }
    try {
      if (!mayActFor(auth, elder)) elderNotFound()
      return { status: 201, body: await book(deps, conn, auth, req, elder!, k, now), replayed: false }
    } catch (e) {
      const outcome = e instanceof AppError && e.status < 500 ? { status: e.status, body: JSON.stringify({ error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } }) } : null
      await q.finishKey(conn, k, outcome, now)
      throw e
    }
  } catch (e) {
    broken = (e as { fatal?: boolean })?.fatal === true
    throw e
  } finally {
    if (broken) conn.destroy()
    else conn.release()
  }
}

/**
 * Books: the slot place, the purchased minutes and the order with its events commit together with the
 * key's stored response, or not at all. If the best station filled up meanwhile, the next ranked one is tried.
 */
async function book(deps: AppDeps, conn: PoolConnection, auth: Auth, req: CreateOrderRequest, elder: BookingElder, k: Key, now: Date): Promise<Order> {
  const plan = await planFor(deps, elder, req, (ids, category, at) => q.readBooked(conn, ids, category, at))
  const { service, slotStart } = plan
  const category = service.category
  const missing = plan.ranked.filter((c) => !plan.booked.has(`${c.stationId}|${slotStart.getTime()}`))
  await q.insertSlotRows(conn, missing.map((c) => ({ stationId: c.stationId, category, slotStart, capacity: ruleForSlot(plan.reach.rules.get(c.stationId) ?? [], slotStart)!.capacity })))
  const hoursKind = service.hoursKind
  const usesHours = hoursKind !== null && elder.tier !== 'paid' && elder.tierVerifiedAt !== null
  const weekStart = weekStartOf(slotStart)

  return retryDeadlocks(async () => {
    try {
      const [first, ...rest] = plan.ranked
      const locked = await q.beginLockAndTake(conn, { elderId: elder.id, serviceId: service.id, slotStart, weekStart, kind: hoursKind ?? 'housekeeping', stationId: first.stationId, category, now })
      if (locked.dup) throw new AppError(409, 'ALREADY_BOOKED', `这个时段已经为${elder.name}预约过这项服务（订单 ${locked.dup}），请到“我的订单”查看`)
      let winner = locked.took ? first : null
      for (const c of rest) if (!winner && (await q.takeSlot(conn, c.stationId, category, slotStart, now))) winner = c
      if (!winner) throw new AppError(409, 'SLOT_FULL', '这个时段刚刚被约满了，请换一个时间')

      const granted = usesHours && !locked.balanceId ? DEFAULT_HOURS_POLICY.weeklyMinutes(elder.tier, hoursKind!) : 0
      const remaining = !usesHours ? 0 : locked.balanceId ? locked.remaining! : granted
      const price = priceAt(plan, winner.stationId, remaining)
      const o: q.OrderInsert = {
        elderId: elder.id, serviceId: service.id, stationId: winner.stationId, bookedBy: auth.userId, slotStart,
        priceVersionId: price.priceVersionId, tier: price.tier, listPriceFen: price.listPriceFen, tierPriceFen: price.tierPriceFen,
        subsidyFen: price.subsidyFen, payableFen: price.payableFen, hoursKind, hoursUsedMinutes: price.hoursUsedMinutes,
        priceExplanation: price.explanation, routeExplanation: winner.verdict.explanation, distanceMeters: winner.verdict.distanceMeters,
        travelMinutes: winner.verdict.travelMinutes, note: req.note ?? null,
      }
      const row = { ...o, id: 0, status: 'assigned' as const, declinedStationIds: [], actualMinutes: null, overdueAt: null, createdAt: now, updatedAt: now }
      const dto = toOrderDto({ o: row, sv: service, e: elder, st: { id: winner.stationId, name: winner.name, phone: winner.phone } }, auth, now)
      dto.price.hoursRemainingMinutes = price.hoursRemainingMinutes
      // A new week's row is created even with no minutes used, as before; an existing one only changes when used.
      const minutes: q.Minutes | null = !usesHours ? null
        : !locked.balanceId ? { balance: { elderId: elder.id, weekStart, kind: hoursKind!, granted }, used: price.hoursUsedMinutes, reason: '预约使用' }
        : price.hoursUsedMinutes > 0 ? { balance: { id: locked.balanceId }, used: price.hoursUsedMinutes, reason: '预约使用' } : null
      const actor = { userId: auth.userId, role: auth.role, reason: winner.verdict.explanation.replace(/^[^，]+，/, '') }
      dto.id = await q.insertOrderAndCommit(conn, o, actor, minutes, { ...k, body: JSON.stringify(dto) }, now)
      return dto
    } catch (e) {
      await conn.query('ROLLBACK')
      throw e
    }
  })
}
