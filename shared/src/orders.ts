import { z } from 'zod'
import type { Role } from './auth'

/**
 * Order lifecycle, declared once: the server enforces it, the mini-program shows only the buttons
 * whose action is allowed for the current status and role.
 */
export const ORDER_STATUSES = ['created', 'assigned', 'accepted', 'in_service', 'completed', 'cancelled', 'unassigned'] as const
export const ZOrderStatus = z.enum(ORDER_STATUSES)
/** Statuses in which an order still holds its visit: one elder cannot have two of these for the same service and slot. */
export const OPEN_ORDER_STATUSES = ['created', 'assigned', 'accepted', 'in_service', 'unassigned'] as const satisfies readonly (typeof ORDER_STATUSES)[number][]
export type OrderStatus = z.infer<typeof ZOrderStatus>

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  created: '已提交',
  assigned: '等待驿站接单',
  accepted: '驿站已接单',
  in_service: '服务中',
  completed: '已完成',
  cancelled: '已取消',
  unassigned: '暂无驿站接单',
}

export const ORDER_ACTIONS = ['cancel', 'accept', 'decline', 'start', 'complete'] as const
export const ZOrderAction = z.enum(ORDER_ACTIONS)
export type OrderAction = z.infer<typeof ZOrderAction>

export interface OrderTransition {
  from: readonly OrderStatus[]
  /** decline re-routes: to the next station (assigned) or, with none left, unassigned. */
  to: readonly OrderStatus[]
  roles: readonly Role[]
  label: string
}

export const ORDER_TRANSITIONS: Record<OrderAction, OrderTransition> = {
  cancel: { from: ['created', 'assigned', 'accepted', 'unassigned'], to: ['cancelled'], roles: ['elder', 'family'], label: '取消预约' },
  accept: { from: ['assigned'], to: ['accepted'], roles: ['staff', 'station_admin'], label: '接单' },
  decline: { from: ['assigned', 'accepted'], to: ['assigned', 'unassigned'], roles: ['staff', 'station_admin'], label: '无法接单' },
  start: { from: ['accepted'], to: ['in_service'], roles: ['staff', 'station_admin'], label: '到达签到' },
  complete: { from: ['in_service'], to: ['completed'], roles: ['staff', 'station_admin'], label: '服务完成签退' },
}

export function canTransition(action: OrderAction, status: OrderStatus, role: Role): boolean {
  const t = ORDER_TRANSITIONS[action]
  return t.from.includes(status) && t.roles.includes(role)
}

/** The actions a role may take on an order in this status, in display order. */
export function allowedOrderActions(status: OrderStatus, role: Role): OrderAction[] {
  return ORDER_ACTIONS.filter((a) => canTransition(a, status, role))
}

const ZIsoDateTime = z.iso.datetime({ offset: true, error: '时间格式应为 ISO 8601，例如 2026-11-24T09:00:00+08:00' })
/** A local calendar day in Asia/Shanghai. */
export const ZLocalDate = z.string({ error: '缺少日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })

export const ZStationSlotsQuery = z.object({
  date: ZLocalDate,
  serviceId: z.string({ error: '缺少服务编号 serviceId' }).regex(/^[1-9]\d{0,15}$/, { error: '服务编号应为正整数' }).transform(Number),
})
export const ZSlot = z.object({
  slotStart: z.string(),
  slotEnd: z.string(),
  capacity: z.number().int(),
  booked: z.number().int(),
  available: z.number().int(),
})
export type Slot = z.infer<typeof ZSlot>
export const ZStationSlotsResponse = z.object({ stationId: z.number().int(), serviceId: z.number().int(), date: z.string(), slots: z.array(ZSlot) })

/** Slots a resident can book for an elder: a slot is offered only if some station in reach has room. */
export const ZBookableSlotsQuery = ZStationSlotsQuery.extend({
  elderId: z.string({ error: '缺少老人编号 elderId' }).regex(/^[1-9]\d{0,15}$/, { error: '老人编号应为正整数' }).transform(Number),
})
export const ZBookableSlot = z.object({ slotStart: z.string(), slotEnd: z.string(), available: z.boolean() })
export const ZBookableSlotsResponse = z.object({ date: z.string(), slots: z.array(ZBookableSlot) })
export type BookableSlotsResponse = z.infer<typeof ZBookableSlotsResponse>

export const ZQuoteRequest = z.object({
  elderId: z.number({ error: '缺少老人编号 elderId' }).int().positive(),
  serviceId: z.number({ error: '缺少服务编号 serviceId' }).int().positive(),
  slotStart: ZIsoDateTime,
})
export type QuoteRequest = z.infer<typeof ZQuoteRequest>

export const ZPriceBreakdown = z.object({
  tier: z.enum(['free', 'low', 'paid']),
  priceVersionId: z.number().int(),
  listPriceFen: z.number().int().describe('标准价（有偿价），分'),
  tierPriceFen: z.number().int().describe('按老人类别的价格，分'),
  subsidyFen: z.number().int().describe('补贴 = 标准价 − 应付，分'),
  payableFen: z.number().int().describe('老人应付，分'),
  hoursKind: z.enum(['housekeeping', 'medical']).nullable(),
  hoursUsedMinutes: z.number().int().describe('本单使用的政府购买服务时长（分钟）'),
  hoursRemainingMinutes: z.number().int().nullable().describe('本周该类时长剩余（分钟），下单后'),
  explanation: z.string(),
})
export type PriceBreakdown = z.infer<typeof ZPriceBreakdown>

export const ZRouteAlternative = z.object({ stationId: z.number().int(), name: z.string(), distanceMeters: z.number().int(), travelMinutes: z.number().int() })
export const ZRouteDecision = z.object({
  stationId: z.number().int(),
  stationName: z.string(),
  stationPhone: z.string(),
  distanceMeters: z.number().int(),
  travelMinutes: z.number().int(),
  explanation: z.string(),
  alternatives: z.array(ZRouteAlternative),
})
export type RouteDecision = z.infer<typeof ZRouteDecision>

export const ZQuoteResponse = z.object({
  elderId: z.number().int(),
  service: z.object({ id: z.number().int(), name: z.string(), unit: z.string(), durationMinutes: z.number().int() }),
  slotStart: z.string(),
  route: ZRouteDecision,
  price: ZPriceBreakdown,
})
export type QuoteResponse = z.infer<typeof ZQuoteResponse>

export const ZCreateOrderRequest = ZQuoteRequest.extend({
  note: z.string().trim().max(200, { error: '备注最多 200 字' }).optional(),
})
export type CreateOrderRequest = z.infer<typeof ZCreateOrderRequest>

const ZReason = z.string().trim().max(200, { error: '原因最多 200 字' })
/** Where the worker's device was at check-in (when it offered a location). */
export const ZCheckInLocation = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  accuracyMeters: z.number().min(0).max(100_000).optional(),
})
export type CheckInLocation = z.infer<typeof ZCheckInLocation>
/**
 * Each action's body. Check-out sends no minutes: they are derived from the check-in and check-out times;
 * a worker may only report fewer (correctedMinutes, with a reason).
 */
export const ZOrderActionBodies = {
  cancel: z.object({ reason: ZReason.optional() }),
  accept: z.object({ reason: ZReason.optional() }),
  decline: z.object({ reason: ZReason.optional() }),
  start: z.object({ reason: ZReason.optional(), location: ZCheckInLocation.optional() }),
  complete: z.object({
    reason: ZReason.optional(),
    correctedMinutes: z.number({ error: '少报的时长应为分钟数' }).int({ error: '少报的时长应为整数分钟' }).min(0, { error: '时长不能为负数' }).max(1440).optional(),
    correctionReason: ZReason.optional(),
  }),
} as const satisfies Record<OrderAction, z.ZodObject>
export const ZOrderActionBody = ZOrderActionBodies.start.extend(ZOrderActionBodies.complete.shape)
export type OrderActionBody = z.infer<typeof ZOrderActionBody>

export const ZOrderEvent = z.object({
  at: z.string(),
  fromStatus: ZOrderStatus.nullable(),
  toStatus: ZOrderStatus,
  actorRole: z.string(),
  stationName: z.string().nullable(),
  reason: z.string().nullable(),
  text: z.string().describe('给人看的一句话'),
})
export type OrderEvent = z.infer<typeof ZOrderEvent>

/**
 * Proof of the visit (Electronic Visit Verification): when the worker checked in and out, the minutes served
 * (derived from those times, or reported lower with a reason) and how far from the home the check-in was.
 */
export const ZOrderVisit = z.object({
  checkInAt: z.string().nullable(),
  checkOutAt: z.string().nullable(),
  servedMinutes: z.number().int().nullable(),
  /** The minutes between check-in and check-out when the worker reported fewer; else null. */
  correctedFromMinutes: z.number().int().nullable(),
  correctionReason: z.string().nullable(),
  checkInDistanceMeters: z.number().int().nullable().describe('签到位置离老人家的距离（米）；设备未提供位置时为空'),
  /** Station staff and supervisors only: who checked in/out and the exact check-in point. */
  checkedInBy: z.number().int().nullable().optional(),
  checkedOutBy: z.number().int().nullable().optional(),
  checkInLocation: ZCheckInLocation.nullable().optional(),
})
export type OrderVisit = z.infer<typeof ZOrderVisit>

export const ZOrder = z.object({
  id: z.number().int(),
  status: ZOrderStatus,
  elder: z.object({ id: z.number().int(), name: z.string(), address: z.string(), phone: z.string().nullable() }),
  service: z.object({ id: z.number().int(), name: z.string(), category: z.string(), unit: z.string(), durationMinutes: z.number().int() }),
  station: z.object({ id: z.number().int(), name: z.string(), phone: z.string() }).nullable(),
  slotStart: z.string(),
  price: ZPriceBreakdown,
  routeExplanation: z.string(),
  note: z.string().nullable(),
  actualMinutes: z.number().int().nullable().describe('服务时长（分钟）= visit.servedMinutes'),
  visit: ZOrderVisit,
  overdue: z.boolean(),
  createdAt: z.string(),
  allowedActions: z.array(ZOrderAction),
  events: z.array(ZOrderEvent).optional(),
})
export type Order = z.infer<typeof ZOrder>

export const ZOrdersQuery = z.object({
  date: ZLocalDate.optional(),
  status: ZOrderStatus.optional(),
})
export const ZOrdersResponse = z.object({ orders: z.array(ZOrder) })
export type OrdersResponse = z.infer<typeof ZOrdersResponse>
