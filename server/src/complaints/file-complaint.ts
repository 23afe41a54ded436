import { and, desc, eq, isNotNull, ne } from 'drizzle-orm'
import { complaintContent, type Complaint, type CreateComplaintRequest, type FeeEvidence } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { complaintEvents, complaints, elders, orderEvents, orders, stations } from '../db/schema'
import { inTransaction, violatedConstraint } from '../db/tx'
import { AppError, notFound } from '../errors'
import { elderFor } from '../access/elder-access'
import { orderScope } from '../orders/order-scope'
import { recordNotices } from '../notifications/notify'
import { pushNotices } from '../notifications/push-notices'
import { dueDates } from './complaint-policy'
import { stationAdminIds } from './complaint-view'
import { getComplaint } from './get-complaint'

type OrderRow = typeof orders.$inferSelect

/** What the complaint is about: an order (its elder and station follow from it) or a station. */
async function subjectOf(deps: AppDeps, auth: Auth, req: CreateComplaintRequest) {
  const db = deps.database.db
  if (req.orderId !== undefined) {
    const [o] = await db.select().from(orders).where(and(eq(orders.id, req.orderId), await orderScope(db, auth))).limit(1)
    if (!o) throw notFound('这个订单')
    if (req.elderId !== undefined && req.elderId !== o.elderId) throw new AppError(400, 'VALIDATION_FAILED', '这个订单不是这位老人的，请从订单页面进入投诉')
    const stationId = o.stationId ?? (await lastStationOf(deps, o.id))
    if (stationId === null) throw new AppError(422, 'VALIDATION_FAILED', '这单还没有驿站接过，无法投诉驿站；如有问题请拨打 12349')
    if (req.stationId !== undefined && req.stationId !== stationId) throw new AppError(400, 'VALIDATION_FAILED', '这个订单不是这个驿站服务的，请从订单页面进入投诉')
    return { order: o, elderId: o.elderId, stationId }
  }
  const [st] = await db.select({ id: stations.id }).from(stations).where(eq(stations.id, req.stationId!)).limit(1)
  if (!st) throw notFound('这个驿站')
  if (req.elderId !== undefined) return { order: null, elderId: (await elderFor(deps, auth, req.elderId, 'read')).id, stationId: st.id }
  if (auth.role === 'elder') {
    const [own] = await db.select({ id: elders.id }).from(elders).where(eq(elders.userId, auth.userId)).limit(1)
    return { order: null, elderId: own?.id ?? null, stationId: st.id }
  }
  return { order: null, elderId: null, stationId: st.id }
}

/** An unassigned order is complained about to the station that last had it. */
async function lastStationOf(deps: AppDeps, orderId: number): Promise<number | null> {
  const [ev] = await deps.database.db
    .select({ stationId: orderEvents.stationId })
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, orderId), isNotNull(orderEvents.stationId)))
    .orderBy(desc(orderEvents.at), desc(orderEvents.id))
    .limit(1)
  return ev?.stationId ?? null
}

/** The evidence a fee complaint carries, from the order as quoted and as checked out. */
export function feeEvidence(o: OrderRow): FeeEvidence {
  return {
    priceVersionId: o.priceVersionId, tier: o.tier, listPriceFen: o.listPriceFen, publishedTierPriceFen: o.tierPriceFen,
    quotedPayableFen: o.payableFen, chargedFen: o.chargedFen,
  }
}

/** 投诉, at most so many a day per account (one elder once filed 500 in 3.7 s, 500 notices to one admin). */
export async function fileComplaint(deps: AppDeps, auth: Auth, req: CreateComplaintRequest): Promise<Complaint> {
  return deps.rateLimits.limitMade('complaintsPerAccount', `user:${auth.userId}`, () => fileOne(deps, auth, req))
}

async function fileOne(deps: AppDeps, auth: Auth, req: CreateComplaintRequest): Promise<Complaint> {
  const db = deps.database.db
  const subject = await subjectOf(deps, auth, req)
  const now = deps.clock()
  const admins = await stationAdminIds(db, subject.stationId)
  const [{ operatorId }] = await db.select({ operatorId: stations.operatorId }).from(stations).where(eq(stations.id, subject.stationId))
  let id: number
  try {
    const notices = await inTransaction(db, async (tx) => {
      const [res] = await tx.insert(complaints).values({
        complainantUserId: auth.userId, elderId: subject.elderId, orderId: subject.order?.id ?? null, stationId: subject.stationId, operatorId,
        category: req.category, status: 'submitted', content: complaintContent(req.reason, req.description), anonymous: req.anonymous,
        evidence: req.category === 'fee' && subject.order ? feeEvidence(subject.order) : null,
        ...dueDates(now, deps.complaintPolicy), createdAt: now, updatedAt: now,
      })
      id = res.insertId
      await tx.insert(complaintEvents).values({ complaintId: id, actorUserId: auth.userId, actorRole: auth.role, fromStatus: null, toStatus: 'submitted', message: null, at: now })
      return recordNotices(tx, [
        { userId: auth.userId, entity: 'complaint', entityId: id, title: '投诉已提交', body: '驿站须在 1 天内受理、7 天内办结；超时会自动转民政部门督办。' },
        ...admins.map((userId) => ({ userId, entity: 'complaint' as const, entityId: id, title: '收到新投诉', body: '请在 1 天内受理，7 天内答复办结。' })),
      ], now)
    })
    void pushNotices(db, deps.wechat, deps.config.push, deps.log, notices)
  } catch (e) {
    if (violatedConstraint(e) !== 'complaints_open_order_uq') throw e
    const [open] = await db
      .select({ id: complaints.id })
      .from(complaints)
      .where(and(eq(complaints.orderId, subject.order!.id), eq(complaints.category, req.category), ne(complaints.status, 'closed')))
      .limit(1)
    throw new AppError(409, 'COMPLAINT_ALREADY_OPEN', `这单服务的同类投诉（编号 ${open?.id}）还在处理中，请在“我的投诉”里查看进展`, { complaintId: open?.id })
  }
  return getComplaint(deps, auth, id!)
}
