import { z } from 'zod'
import type { Role } from './auth'
import { HOTLINE, ZInstant, ZLocalDate, ZPlainText, formatYuan, toBusinessIso } from './common'
import { ZTravelMode } from './stations'
import { CHARGE_FLAGS, ZOrderCharge } from './charge'
import { ZOrderRating } from './ratings'
import { ZOrderComplaint } from './complaints'

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

/** How an order was placed: by the elder (self), a bound relative (family), or staff/supervisor for an elder who phoned (phone, 代客下单). */
export const ORDER_CHANNELS = ['self', 'family', 'phone'] as const
export const ZOrderChannel = z.enum(ORDER_CHANNELS)
export type OrderChannel = z.infer<typeof ZOrderChannel>
export function channelOf(role: Role): OrderChannel {
  return role === 'elder' ? 'self' : role === 'family' ? 'family' : 'phone'
}
/** Who placed an order, as the elder and family read it: "由 兴隆驿站 张师傅 电话代订". */
export const ZPlacedBy = z.object({
  role: z.string(),
  name: z.string(),
  stationName: z.string().nullable(),
  text: z.string().describe('给人看的一句话，例如“由 兴隆驿站 张师傅 电话代订”'),
})
export type PlacedBy = z.infer<typeof ZPlacedBy>
/** The sentence the elder and family read about who placed the order. */
export function placedByText(channel: OrderChannel, p: { role: string; name: string; stationName: string | null }): string {
  if (channel === 'self') return '本人预约'
  if (channel === 'family') return `由家人 ${p.name} 代订`
  return `由 ${p.stationName ?? (p.role === 'supervisor' ? '民政监管' : '驿站')} ${p.name} 电话代订`
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
/**
 * Why a slot can or cannot be booked, so the page says the true reason in words:
 * open 可以预约 / held 您已预约（heldOrderId 是那张订单） / full 附近驿站都约满 /
 * closed 附近驿站这个时间不上门（不开放或名额为 0） / past 已过或离现在不到半小时 /
 * overlaps 和这位老人已约的另一项服务时间冲突（booking would answer VISIT_OVERLAPS; `reason` says which）.
 */
export const BOOKABLE_SLOT_STATUSES = ['open', 'held', 'full', 'closed', 'past', 'overlaps'] as const
export const ZBookableSlotStatus = z.enum(BOOKABLE_SLOT_STATUSES)
export type BookableSlotStatus = z.infer<typeof ZBookableSlotStatus>
export const ZBookableSlot = z.object({
  slotStart: z.string(),
  slotEnd: z.string(),
  /** true only when status is 'open'. */
  available: z.boolean(),
  status: ZBookableSlotStatus,
  /** The elder's own open order for this service at this slot, or null: the page opens it instead of booking again. */
  heldOrderId: z.number().int().nullable(),
  /** For 'overlaps': the visit in the way, in words — "这个时间您已约了陪同就医（10:00–12:00）"; else null. */
  reason: z.string().nullable(),
})
export type BookableSlot = z.infer<typeof ZBookableSlot>

/** The nearest active station when no station's circle covers the home: what it is and how far. */
export const ZNearestStation = z.object({
  id: z.number().int(),
  name: z.string(),
  phone: z.string(),
  distanceMeters: z.number().int(),
  travelMinutes: z.number().int(),
  travelMode: ZTravelMode,
})
/** The home is outside every active station's service circle: nothing can be booked, say why and who can help. */
export const ZOutsideCircle = z.object({
  nearestStation: ZNearestStation.nullable(),
  hotline: z.literal(HOTLINE),
  message: z.string(),
})
export type OutsideCircle = z.infer<typeof ZOutsideCircle>

export const ZBookableSlotsResponse = z.object({
  date: z.string(),
  /** Empty when outsideCircle is set or no station in the circle offers the service. */
  slots: z.array(ZBookableSlot),
  /** Set when no active station's circle covers the elder's home (then there are no slots). */
  outsideCircle: ZOutsideCircle.nullable(),
  /** false when stations cover the home but none of them offers this service. */
  serviceOffered: z.boolean(),
})
export type BookableSlotsResponse = z.infer<typeof ZBookableSlotsResponse>

/** GET /api/elders/:id/coverage: whether any station can come to this elder's home at all. */
export const ZElderCoverage = z.object({ elderId: z.number().int(), withinCircle: z.boolean(), outsideCircle: ZOutsideCircle.nullable() })
export type ElderCoverage = z.infer<typeof ZElderCoverage>

export const ZQuoteRequest = z.object({
  elderId: z.number({ error: '缺少老人编号 elderId' }).int().positive(),
  serviceId: z.number({ error: '缺少服务编号 serviceId' }).int().positive(),
  slotStart: ZInstant('预约时间'),
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
  note: ZPlainText(200, '备注').optional(),
})
export type CreateOrderRequest = z.infer<typeof ZCreateOrderRequest>

const ZReason = ZPlainText(200, '原因')
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
/** Check-in (签到) is accepted from `opensMinutesBefore` the slot until `closesMinutesAfter` it (configured per district). */
export interface CheckInRule {
  opensMinutesBefore: number
  closesMinutesAfter: number
}
/** The one window rule: the server refuses a check-in outside it, and every order carries it so the screen can say when. */
export function checkInWindow(slotStart: Date, rule: CheckInRule): { opensAt: Date; closesAt: Date } {
  return {
    opensAt: new Date(slotStart.getTime() - rule.opensMinutesBefore * 60_000),
    closesAt: new Date(slotStart.getTime() + rule.closesMinutesAfter * 60_000),
  }
}
export const ZCheckInWindow = z.object({
  opensAt: z.string().describe('从这时起可以签到'),
  closesAt: z.string().describe('最晚这时签到'),
})
export type CheckInWindowTimes = z.infer<typeof ZCheckInWindow>
export function checkInWindowDto(slotStart: Date, rule: CheckInRule): CheckInWindowTimes {
  const w = checkInWindow(slotStart, rule)
  return { opensAt: toBusinessIso(w.opensAt), closesAt: toBusinessIso(w.closesAt) }
}

/**
 * What a check-out will do that the worker must agree to in so many words: a visit of 0 minutes counts nothing,
 * money from a 无偿 elder is flagged as overcharge for the elder and family to see. Empty: nothing to confirm.
 * The server refuses such a check-out without `confirmConsequences`; the screen shows the same sentences first.
 */
export function checkOutConsequences(f: { elderName: string; tier: 'free' | 'low' | 'paid'; payableFen: number; chargedFen: number; servedMinutes: number }): string[] {
  const out: string[] = []
  if (f.servedMinutes === 0) out.push('服务 0 分钟：本次不计服务时长')
  if (f.tier === 'free' && f.chargedFen > f.payableFen) out.push(`${f.elderName}是无偿老人，收了 ¥${formatYuan(f.chargedFen)} 会被标为多收，老人和家人会看到`)
  return out
}

export const ZOrderActionBodies = {
  cancel: z.object({ reason: ZReason.optional() }),
  accept: z.object({ reason: ZReason.optional() }),
  decline: z.object({ reason: ZReason.optional() }),
  start: z.object({ reason: ZReason.optional(), location: ZCheckInLocation.optional() }),
  complete: z.object({
    reason: ZReason.optional(),
    correctedMinutes: z.number({ error: '少报的时长应为分钟数' }).int({ error: '少报的时长应为整数分钟' }).min(0, { error: '时长不能为负数' }).max(1440).optional(),
    correctionReason: ZReason.optional(),
    /** What was done, in a sentence: the proof of service the family reads. */
    workNote: ZPlainText(200, '服务内容').optional(),
    /** The amount actually collected (the staff screen pre-fills the quoted payable amount to confirm or correct). */
    chargedFen: z
      .number({ error: '请填写实际收取的金额' })
      .int({ error: '实收金额应为整数（分）' })
      .min(0, { error: '实收金额不能为负' })
      .max(1_000_000, { error: '实收金额不能超过 ¥10,000，请核对' }),
    /** The worker has read what this check-out will do (checkOutConsequences) and confirms it. */
    confirmConsequences: z.boolean({ error: 'confirmConsequences 应为 true 或 false' }).optional(),
  }),
} as const satisfies Record<OrderAction, z.ZodObject>
export const ZOrderActionBody = ZOrderActionBodies.start.extend(ZOrderActionBodies.complete.partial().shape)
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
  /** Who came (the worker who checked in), by name; null before check-in. */
  workerName: z.string().nullable(),
  /** What was done, as the worker wrote it at check-out. */
  workNote: z.string().nullable(),
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
  channel: ZOrderChannel,
  placedBy: ZPlacedBy,
  note: z.string().nullable(),
  actualMinutes: z.number().int().nullable().describe('服务时长（分钟）= visit.servedMinutes'),
  visit: ZOrderVisit,
  /** Null until check-out; then what was collected against the quote (a difference flags the order). */
  charge: ZOrderCharge.nullable(),
  /** The resident's stars for a completed visit, once given. */
  rating: ZOrderRating.nullable(),
  /**
   * Complaints about this order, newest first, for the elder, their family and the supervisor; always empty for the
   * station (an anonymous complaint must not point at its order there — the station reads its complaints list).
   */
  complaints: z.array(ZOrderComplaint),
  /** What the answered complaints about this order refunded, in fen; null when none did (empty for the station). */
  refundFen: z.number().int().nullable(),
  overdue: z.boolean(),
  /** When check-in (签到) opens and closes for this visit: the screen keeps the button off until then. */
  checkInWindow: ZCheckInWindow,
  createdAt: z.string(),
  allowedActions: z.array(ZOrderAction),
  events: z.array(ZOrderEvent).optional(),
})
export type Order = z.infer<typeof ZOrder>

/** A page of the order list holds at most this many; the default when `limit` is not given. */
export const ORDERS_PAGE_MAX = 100
export const ORDERS_PAGE_DEFAULT = 50

/**
 * The order list is paged with a cursor (keyset on slot time, then id) and never drops rows:
 * follow `nextCursor` until it is null. The order depends on what people look for:
 * - a day (`date`) or the unassigned queue (`status=unassigned`): in time order, earliest first;
 * - otherwise: newest visit first (a resident looks for her latest booking, a supervisor for recent ones).
 * Orders placed while paging may or may not appear, but no order that existed throughout is skipped or repeated.
 */
export const ZOrdersQuery = z.object({
  date: ZLocalDate.optional(),
  status: ZOrderStatus.optional(),
  /** Orders whose amount collected differed from the quote (any flag, or one kind). */
  chargeFlag: z.enum(['any', ...CHARGE_FLAGS], { error: 'chargeFlag 应为 any、overcharge 或 undercharge' }).optional(),
  cursor: z.string().max(200, { error: '翻页标记不正确，请从第一页重新加载' }).optional().describe('上一页返回的 nextCursor'),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, { error: 'limit 应为正整数' })
    .transform(Number)
    .refine((n) => n >= 1 && n <= ORDERS_PAGE_MAX, { error: `limit 应在 1 到 ${ORDERS_PAGE_MAX} 之间` })
    .optional(),
})
export type OrdersQuery = z.infer<typeof ZOrdersQuery>
/** Which way a list query reads (see ZOrdersQuery). */
export function ordersListOrder(q: { date?: string; status?: OrderStatus }): 'asc' | 'desc' {
  return q.date || q.status === 'unassigned' ? 'asc' : 'desc'
}
export const ZOrdersResponse = z.object({
  orders: z.array(ZOrder),
  nextCursor: z.string().nullable().describe('下一页的翻页标记；null 表示已经全部列出'),
})
export type OrdersResponse = z.infer<typeof ZOrdersResponse>
