import type { PoolConnection } from 'mysql2/promise'
import { channelOf, combinableWith, formatBusinessDateTime, type CreateOrderRequest, type Order } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { backoff, isRetryable } from '../db/tx'
import { AppError, notFound } from '../errors'
import { weeklyGrant, weekStartOf } from '../pricing/hours-policy'
import { pricedAsOf } from '../eligibility/effective-tier'
import { ruleForSlot } from '../slots/slot-times'
import { planFor, priceAt, withoutPlace, type BookingElder } from './plan-booking'
import { NOT_VISITED, toOrderDto } from './order-view'
import { assertBookable, elderNotFound, mayActFor, stationsFor } from '../access/elder-access'
import { KEY_TTL_MS, replayStored, type StoredResponse } from './idempotency'
import * as q from './booking-sql'
import type { VisitFacts } from './visit-overlap'
import { buildOrderNotices } from '../notifications/order-notices'
import type { Recipient } from '../notifications/elder-followers'
import type { Notice } from '../notifications/notify'
import { pushNotices } from '../notifications/push-notices'

type Key = { userId: number; key: string; hash: string; expiresAt: Date }

/** Write attempts of one booking: each lost race (slot filled, minutes moved, deadlock) costs one. */
const MAX_WRITES = 6

/**
 * POST /api/orders, once per (user, Idempotency-Key), on one held connection (see booking-sql.ts for why).
 * The key is stored with the order it created, in one transaction; a 4xx outcome is stored for replay too,
 * a 5xx is not (the key stays free for a retry).
 */
export async function placeOrder(deps: AppDeps, auth: Auth, req: CreateOrderRequest, idemKey: string, hash: string): Promise<StoredResponse> {
  const now = deps.clock()
  const k: Key = { userId: auth.userId, key: idemKey, hash, expiresAt: new Date(now.getTime() + KEY_TTL_MS) }
  const service = await deps.stationFacts.service(req.serviceId)
  const hours = { weekStart: weekStartOf(new Date(req.slotStart)), kind: service?.hoursKind ?? null }
  const conn = await deps.database.batchPool.getConnection()
  let broken = false
  try {
    const read = await q.readKeyAndElder(conn, k, req.elderId, hours)
    if (read.stored) {
      const replay = replayStored(read.stored, hash, now)
      if (replay) return replay
      await q.deleteExpiredKey(conn, k, now)
    }
    try {
      if (!mayActFor(auth, read.elder, await stationsFor(deps, auth), 'book')) elderNotFound()
      assertBookable(read.elder!)
      if (!service?.active) throw notFound('这项服务')
      const booked = await book(deps, conn, auth, req, pricedAsOf(read.elder!, now), read.balance, read.recipients, k, now)
      void pushNotices(deps.database.db, deps.wechat, deps.config.push, deps.log, booked.notices)
      return booked.response
    } catch (e) {
      if (!(e instanceof AppError) || e.status >= 500) throw e
      const body = JSON.stringify({ error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } })
      if (await q.storeOutcome(conn, k, { status: e.status, body }, now)) throw e
      // Another request with this key finished first (on another process): its outcome is the answer.
      const replay = await replayIfStored(conn, k, now)
      if (replay) return replay
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
 * Routes and prices from what was read, then writes the whole booking in one batch. A write refused by a
 * guard is rolled back and the booking planned again with what changed: a full station is skipped for the
 * next in rank, moved minutes are read again, and an open order of the same visit answers ALREADY_BOOKED.
 */
async function book(
  deps: AppDeps, conn: PoolConnection, auth: Auth, req: CreateOrderRequest, elder: BookingElder, balance: q.Balance | null, recipients: Recipient[], k: Key, now: Date,
): Promise<{ response: StoredResponse; notices: Notice[] }> {
  let plan = await planFor(deps, elder, req, (ids, category, at) => q.readBooked(conn, ids, category, at))
  const placer = await placerOf(deps, auth)
  const { service, slotStart } = plan
  const hoursKind = service.hoursKind
  const usesHours = hoursKind !== null && elder.tier !== 'paid' && elder.tierVerifiedAt !== null
  const weekStart = weekStartOf(slotStart)
  const visit = { end: new Date(slotStart.getTime() + service.durationMinutes * 60_000), combinable: combinableWith(service.category) }

  for (let attempt = 1; ; attempt++) {
    const winner = plan.winner
    const granted = balance ? balance.grantedMinutes : usesHours ? weeklyGrant(deps.config.hours, elder.tier, hoursKind!, elder) : 0
    const price = priceAt(plan, winner.stationId, usesHours ? granted - (balance?.usedMinutes ?? 0) : 0, auth.userId, now)
    const order: q.OrderInsert = {
      elderId: elder.id, serviceId: service.id, stationId: winner.stationId, bookedBy: auth.userId, slotStart,
      priceVersionId: price.priceVersionId, tier: price.tier, listPriceFen: price.listPriceFen, tierPriceFen: price.tierPriceFen,
      subsidyFen: price.subsidyFen, payableFen: price.payableFen, hoursKind, hoursUsedMinutes: price.hoursUsedMinutes, placedByRole: auth.role, channel: channelOf(auth.role),
      priceExplanation: price.explanation, routeExplanation: winner.verdict.explanation, distanceMeters: winner.verdict.distanceMeters,
      travelMinutes: winner.verdict.travelMinutes, note: req.note ?? null,
    }
    const row = { ...order, id: 0, status: 'assigned' as const, declinedStationIds: [], actualMinutes: null, ...NOT_VISITED, overdueAt: null, openVisit: 1, createdAt: now, updatedAt: now }
    const { id: _, ...dto } = toOrderDto({ o: row, sv: service, e: elder, st: { id: winner.stationId, name: winner.name, phone: winner.phone }, by: placer }, auth, { now, checkIn: deps.config.checkIn })
    dto.price.hoursRemainingMinutes = price.hoursRemainingMinutes
    // Written in the batch about @cc_order_id; the id is known once it commits.
    const facts = { id: 0, elderId: elder.id, elderName: elder.name, serviceName: service.name, slotStart }
    const notices = buildOrderNotices(facts, { to: 'assigned', stationName: winner.name, placedBy: dto.placedBy.text }, recipients, auth.userId)
    // A new week's row is created even with no minutes used; an existing one only changes when used.
    const minutes: q.Minutes | null = !usesHours ? null
      : !balance ? { balance: { elderId: elder.id, weekStart, kind: hoursKind!, granted }, used: price.hoursUsedMinutes, reason: '预约使用' }
      : price.hoursUsedMinutes > 0 ? { balance, used: price.hoursUsedMinutes, reason: '预约使用' } : null
    try {
      const id = await q.writeBooking(conn, {
        order, minutes, now,
        actor: { userId: auth.userId, role: auth.role, reason: winner.verdict.explanation.replace(/^[^，]+，/, '') },
        slot: { category: service.category, capacity: ruleForSlot(plan.reach.rules.get(winner.stationId) ?? [], slotStart)!.capacity },
        visit,
        notices,
        key: { ...k, body: JSON.stringify(dto) },
      })
      return { response: { status: 201, body: { id, ...dto } satisfies Order, replayed: false }, notices: notices.map((n) => ({ ...n, entityId: id })) }
    } catch (e) {
      if ((e as { fatal?: boolean }).fatal) throw e
      await conn.query('ROLLBACK')
      const guard = q.violatedGuard(e)
      if (guard === 'KEY_TAKEN') {
        const replay = await replayIfStored(conn, k, now)
        if (replay) return { response: replay, notices: [] }
      }
      if (guard === 'ALREADY_BOOKED') throw alreadyBooked(elder, await q.findOpenVisit(conn, elder.id, service.id, slotStart))
      if (guard === 'VISIT_OVERLAPS') {
        const other = await q.findOverlappingVisit(conn, elder.id, { start: slotStart, end: visit.end, category: service.category })
        if (other) throw visitOverlaps(auth, elder, other, service.name)
      }
      if (attempt >= MAX_WRITES || !(guard || isRetryable(e))) throw attempt >= MAX_WRITES && guard ? busy() : e
      if (guard === 'SLOT_FULL') plan = withoutPlace(plan, winner.stationId)
      if (guard === 'STATION_SUSPENDED') {
        // Another process suspended it after this one cached the stations: learn it, and route to the next.
        deps.stationIndex.invalidate()
        plan = withoutPlace(plan, winner.stationId)
      }
      if (guard === 'HOURS_MOVED') balance = await q.readBalance(conn, elder.id, weekStart, hoursKind!)
      if (!guard) await backoff(attempt)
    }
  }
}

/** The caller's name (and station, for staff) as the order's "placed by", from the per-request user cache. */
async function placerOf(deps: AppDeps, auth: Auth) {
  const me = await deps.userStates.get(auth.userId)
  const stationName = auth.stationId === null ? null : ((await deps.stationIndex.get()).get(auth.stationId)?.name ?? null)
  return { name: me?.name ?? '', stationName }
}

async function replayIfStored(conn: PoolConnection, k: Key, now: Date): Promise<StoredResponse | null> {
  const stored = await q.readKey(conn, k)
  return stored && replayStored(stored, k.hash, now)
}

function alreadyBooked(elder: { name: string }, orderId: number | null) {
  return new AppError(409, 'ALREADY_BOOKED', `这个时段已经为${elder.name}预约过这项服务${orderId ? `（订单 ${orderId}）` : ''}，请到“我的订单”查看`)
}

/** "您在 12月3日 08:00 已约了陪同就医（至 10:00），同一时间不能再约居家保洁…" with the existing order's id. */
function visitOverlaps(auth: Auth, elder: { name: string }, other: VisitFacts, serviceName: string) {
  const who = auth.role === 'elder' ? '您' : elder.name
  const end = formatBusinessDateTime(new Date(other.slotStart.getTime() + other.durationMinutes * 60_000)).split(' ')[1]
  return new AppError(
    409, 'VISIT_OVERLAPS',
    `${who}在 ${formatBusinessDateTime(other.slotStart)} 已约了${other.serviceName}（至 ${end}），同一时间不能再约${serviceName}。请换一个时间，或到“我的订单”查看`,
    { orderId: other.id },
  )
}

const busy = () => new AppError(409, 'SLOT_FULL', '这个时段预约的人太多，请稍等一下再确认，或换一个时间')
