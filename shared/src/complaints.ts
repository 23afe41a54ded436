import { z } from 'zod'
import type { Role } from './auth'
import { formatYuan, ZIdCursor, ZLocalDate, ZPageLimit, ZPlainText } from './common'

/**
 * Complaint lifecycle (投诉 → 受理 → 办结 → 确认/重新投诉 → 督办), declared once: the server enforces it,
 * the mini-program shows only the buttons whose step is allowed for the status and the caller's part in it.
 *
 *   submitted ──respond──▶ acknowledged ──resolve──▶ resolved ──confirm / 7 days──▶ closed
 *       │                      │                        │
 *       └──── deadline passed / supervisor escalate ────┴─reopen (once, within 7 days)─▶ reopened
 *                              ▼                                                            │
 *                          escalated ◀──────────────── supervisor escalate ─────────────────┘
 *                              └── supervisor resolve (a decision the station must follow) ──▶ resolved
 */
export const COMPLAINT_CATEGORIES = ['fee', 'quality', 'attitude', 'no_show', 'safety', 'other'] as const
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number]
export const COMPLAINT_CATEGORY_LABELS: Record<ComplaintCategory, string> = {
  fee: '收费问题',
  quality: '服务质量',
  attitude: '服务态度',
  no_show: '没有上门',
  safety: '安全问题',
  other: '其他',
}

export const COMPLAINT_STATUSES = ['submitted', 'acknowledged', 'resolved', 'escalated', 'reopened', 'closed'] as const
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number]
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  submitted: '已提交，等待驿站受理',
  acknowledged: '驿站已受理，正在处理',
  resolved: '已办结，请您确认',
  reopened: '您不满意，已转民政部门督办',
  escalated: '民政部门督办中',
  closed: '已结束',
}

export const COMPLAINT_ACTIONS = ['respond', 'resolve', 'escalate', 'reopen', 'confirm'] as const
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number]

/**
 * The caller's part in one complaint, not only their role: the complainant (or a family member bound to the
 * elder it is about), the station it is against, the supervisor — or the scheduler acting on a deadline.
 */
export const COMPLAINT_PARTIES = ['complainant', 'station', 'supervisor', 'system'] as const
export type ComplaintParty = (typeof COMPLAINT_PARTIES)[number]

export interface ComplaintStep {
  from: readonly ComplaintStatus[]
  to: ComplaintStatus
  label: string
  /** At most this many times per complaint (counted by `timesTaken`); unlimited when absent. */
  maxTimes?: number
}

/** Every allowed step: action → party → from which statuses, to which status. Anything else is ILLEGAL_TRANSITION. */
export const COMPLAINT_STEPS: Record<ComplaintAction, Partial<Record<ComplaintParty, ComplaintStep>>> = {
  respond: { station: { from: ['submitted'], to: 'acknowledged', label: '受理' } },
  resolve: {
    station: { from: ['submitted', 'acknowledged'], to: 'resolved', label: '答复办结' },
    supervisor: { from: ['escalated', 'reopened'], to: 'resolved', label: '督办决定' },
  },
  escalate: {
    supervisor: { from: ['submitted', 'acknowledged', 'reopened'], to: 'escalated', label: '督办' },
    system: { from: ['submitted', 'acknowledged'], to: 'escalated', label: '超时转督办' },
  },
  // Once: the supervisor's decision on a reopened complaint is the final answer (then 12349 or a new complaint).
  reopen: { complainant: { from: ['resolved'], to: 'reopened', label: '不满意，重新投诉', maxTimes: 1 } },
  confirm: {
    complainant: { from: ['resolved'], to: 'closed', label: '满意，确认办结' },
    system: { from: ['resolved'], to: 'closed', label: '到期自动办结' },
  },
}

export function complaintStep(action: ComplaintAction, status: ComplaintStatus, party: ComplaintParty): ComplaintStep | null {
  const step = COMPLAINT_STEPS[action][party]
  return step && step.from.includes(status) ? step : null
}

/** What the lifecycle needs to know of one complaint: where it is, and how often the limited steps were taken. */
export interface ComplaintSoFar {
  status: ComplaintStatus
  reopenCount: number
}

function timesTaken(action: ComplaintAction, c: ComplaintSoFar): number {
  return action === 'reopen' ? c.reopenCount : 0
}

/** The step, if this party may take it now: allowed from this status, and not taken as often as it may be. */
export function complaintStepNow(action: ComplaintAction, c: ComplaintSoFar, party: ComplaintParty): ComplaintStep | null {
  const step = complaintStep(action, c.status, party)
  return step && (step.maxTimes === undefined || timesTaken(action, c) < step.maxTimes) ? step : null
}

/** The complainant's one reopen is spent: the answer they read (or read last) is the final one. */
export function isFinalAnswer(c: ComplaintSoFar): boolean {
  const reopen = COMPLAINT_STEPS.reopen.complainant!
  return (c.status === 'resolved' || c.status === 'closed') && timesTaken('reopen', c) >= reopen.maxTimes!
}

/** Which party a role plays, when it is the complaint's own complainant / station / a supervisor. */
export function partyOfRole(role: Role): ComplaintParty | null {
  if (role === 'elder' || role === 'family') return 'complainant'
  if (role === 'staff' || role === 'station_admin') return 'station'
  if (role === 'supervisor') return 'supervisor'
  return null
}

/** The steps a party may take now, in display order (the buttons to show). */
export function allowedComplaintActions(c: ComplaintSoFar, party: ComplaintParty): ComplaintAction[] {
  return COMPLAINT_ACTIONS.filter((a) => complaintStepNow(a, c, party) !== null)
}

/**
 * Ready-made reasons per category, to tap instead of typing (the first two are the category's everyday hint).
 * "其他" has none: there the person says what happened in words.
 */
export const COMPLAINT_REASONS: Record<ComplaintCategory, readonly string[]> = {
  fee: ['多收了钱', '价格不对', '和公示的价格不一样', '说好免费却收了钱'],
  quality: ['活没干好', '做事马虎', '没做完就走了'],
  attitude: ['说话难听', '不耐烦'],
  no_show: ['约好没来', '来晚了'],
  safety: ['受了伤', '弄坏东西'],
  other: [],
}

/** What the complaint says: the chosen reason, then what the person wrote (either may be missing, not both). */
export function complaintContent(reason: string | undefined, description: string | undefined): string {
  const said = description?.trim() ?? ''
  return reason ? (said ? `${reason}：${said}` : reason) : said
}

// ---- API shapes -------------------------------------------------------------------------------

const ZPositiveId = (label: string) => z.number({ error: `${label}应为正整数` }).int({ error: `${label}应为正整数` }).positive({ error: `${label}应为正整数` })

export const ZComplaintCategory = z.enum(COMPLAINT_CATEGORIES, { error: '请选择投诉类别：收费、质量、态度、没有上门、安全或其他' })
export const ZComplaintStatus = z.enum(COMPLAINT_STATUSES)
export const ZComplaintAction = z.enum(COMPLAINT_ACTIONS)

export const ZCreateComplaintRequest = z
  .object({
    elderId: ZPositiveId('老人编号').optional(),
    orderId: ZPositiveId('订单编号').optional(),
    stationId: ZPositiveId('驿站编号').optional(),
    category: ZComplaintCategory,
    /** One of COMPLAINT_REASONS[category], tapped instead of typed. */
    reason: z.string({ error: '投诉原因应为文字' }).max(50, { error: '请从列出的原因里选一个' }).optional(),
    /** Shown on other people's screens: plain text only (ZPlainText strips control and direction characters). Optional with a reason. */
    description: ZPlainText(1000, '投诉内容').optional(),
    anonymous: z.boolean({ error: '请选择是否对驿站匿名' }).default(false),
  })
  .refine((b) => b.orderId !== undefined || b.stationId !== undefined, { error: '请说明投诉的是哪一单服务或哪个驿站' })
  .refine((b) => b.reason === undefined || COMPLAINT_REASONS[b.category].includes(b.reason), { error: '这个原因不属于所选的投诉类别，请重新选一个原因' })
  .refine((b) => b.reason !== undefined || (b.description?.trim().length ?? 0) >= 5, { error: '请选一个原因，或写下发生了什么（至少 5 个字）' })
export type CreateComplaintRequest = z.infer<typeof ZCreateComplaintRequest>

/** `message` is required to resolve, escalate or reopen (the answer, the reason); optional to acknowledge or confirm. */
export const ZComplaintStepBody = z.object({
  message: ZPlainText(500, '说明').optional(),
  refundFen: z.number({ error: '退款金额应为整数（分）' }).int({ error: '退款金额应为整数（分）' }).min(0, { error: '退款金额不能为负' }).max(1_000_000, { error: '退款金额不能超过 ¥10,000' }).optional(),
})
export type ComplaintStepBody = z.infer<typeof ZComplaintStepBody>

/** What a fee complaint carries, captured when it is filed: the published price against what was collected. */
export const ZFeeEvidence = z.object({
  priceVersionId: z.number().int(),
  tier: z.enum(['free', 'low', 'paid']),
  listPriceFen: z.number().int().describe('标准价，分'),
  publishedTierPriceFen: z.number().int().describe('公示的该类老人价格，分'),
  quotedPayableFen: z.number().int().describe('预约时确认的应付金额，分'),
  chargedFen: z.number().int().nullable().describe('签退时记录的实收金额，分；未记录为 null'),
})
export type FeeEvidence = z.infer<typeof ZFeeEvidence>

/**
 * What every party may see of a fee complaint about an order, the station of an anonymous one included: the service,
 * the month of the visit and how much more (or less) was collected — nothing that matches one order (no date, time,
 * price version, tier or amount the order itself shows).
 */
export const ZFeeSummary = z.object({
  serviceName: z.string(),
  month: z.string().describe('服务所在月份 YYYY-MM'),
  differenceFen: z.number().int().nullable().describe('实收减去预约时的应付，分；多收为正；未记录实收为 null'),
})
export type FeeSummary = z.infer<typeof ZFeeSummary>

export const ZComplaintEvent = z.object({
  at: z.string(),
  fromStatus: ZComplaintStatus.nullable(),
  toStatus: ZComplaintStatus,
  actor: z.string().describe('谁做的这一步，按看的人可见的程度'),
  message: z.string().nullable(),
  text: z.string().describe('给人看的一句话'),
})

export const ZComplaint = z.object({
  id: z.number().int(),
  status: ZComplaintStatus,
  statusLabel: z.string(),
  category: ZComplaintCategory,
  categoryLabel: z.string(),
  description: z.string(),
  anonymous: z.boolean(),
  /** Null for the station when the complainant chose to stay anonymous. */
  complainant: z.object({ userId: z.number().int(), name: z.string(), role: z.string() }).nullable(),
  elder: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  orderId: z.number().int().nullable(),
  station: z.object({ id: z.number().int(), name: z.string(), phone: z.string() }),
  /** The whole fee record; null for the station when the complaint is anonymous (it would match one order). */
  evidence: ZFeeEvidence.nullable(),
  feeSummary: ZFeeSummary.nullable(),
  refundFen: z.number().int().nullable(),
  ackDueAt: z.string(),
  resolveDueAt: z.string(),
  nextDeadline: z.string().nullable().describe('下一个期限，白话'),
  overdue: z.boolean().describe('现在已过期限还没处理'),
  late: z.boolean().describe('驿站曾错过期限（已被转督办）'),
  createdAt: z.string(),
  allowedActions: z.array(ZComplaintAction),
  /** The complainant's one reopen is spent and the complaint is answered: this answer is final. */
  finalAnswer: z.boolean(),
  events: z.array(ZComplaintEvent).optional(),
  /** In the detail only: links that work for 5 minutes, minted for this reader and re-checked against their access when opened. */
  photos: z.array(z.object({ id: z.number().int(), url: z.string() })).optional(),
})
export type Complaint = z.infer<typeof ZComplaint>

const ZQueryId = z.string().regex(/^[1-9]\d{0,15}$/, { error: '编号应为正整数' }).transform(Number)
export const ZComplaintsQuery = z.object({
  status: ZComplaintStatus.optional(),
  stationId: ZQueryId.optional(),
  operatorId: ZQueryId.optional(),
  category: ZComplaintCategory.optional(),
  /** true: the station missed a deadline on it (the scheduler escalated it). */
  overdue: z.enum(['true', 'false'], { error: 'overdue 应为 true 或 false' }).transform((v) => v === 'true').optional(),
  /** Filed on or after this business day, and on or before `to`. */
  from: ZLocalDate.optional(),
  to: ZLocalDate.optional(),
  cursor: ZIdCursor.optional(),
  limit: ZPageLimit.optional(),
})
export type ComplaintsQuery = z.infer<typeof ZComplaintsQuery>
export const ZComplaintsResponse = z.object({ complaints: z.array(ZComplaint), nextCursor: z.string().nullable() })
export type ComplaintsResponse = z.infer<typeof ZComplaintsResponse>

/**
 * A complaint about an order, as the order shows it to the elder, their family and the supervisor (never to the
 * station: an anonymous complaint must not be tied to an order there).
 */
export const ZOrderComplaint = z.object({
  id: z.number().int(),
  category: ZComplaintCategory,
  status: ZComplaintStatus,
  open: z.boolean().describe('未结束：同一类别的第二条投诉会被拒绝'),
  refundFen: z.number().int().nullable().describe('办结时记录的退款，分'),
  text: z.string().describe('给人看的一句话，如“已投诉，驿站处理中”“已退款 ¥20.00”'),
})
export type OrderComplaint = z.infer<typeof ZOrderComplaint>

/** Answered complaints: their refund counts (on the order and in the reconciliation); a reopened one may yet be decided otherwise. */
export const ANSWERED_COMPLAINT_STATUSES = ['resolved', 'closed'] as const satisfies readonly ComplaintStatus[]
export const isAnswered = (status: ComplaintStatus) => (ANSWERED_COMPLAINT_STATUSES as readonly ComplaintStatus[]).includes(status)

/** The complaint's state in the words an order shows. */
export function orderComplaintText(c: { status: ComplaintStatus; refundFen: number | null }): string {
  switch (c.status) {
    case 'submitted':
    case 'acknowledged':
      return '已投诉，驿站处理中'
    case 'reopened':
    case 'escalated':
      return '已投诉，民政部门督办中'
    case 'resolved':
    case 'closed':
      if (c.refundFen) return `已退款 ¥${formatYuan(c.refundFen)}`
      return c.status === 'resolved' ? '投诉已答复，请您确认' : '投诉已办结'
  }
}

/** The steps whose message is the substance: an answer, a decision, a reason for being unhappy. */
export const COMPLAINT_ACTIONS_NEEDING_MESSAGE: readonly ComplaintAction[] = ['resolve', 'escalate', 'reopen']

/** What a notice is about (its entityId): a complaint, an order, a relative's binding (family_link), an elder's profile, a care round. */
export const NOTICE_ENTITIES = ['complaint', 'order', 'family_link', 'elder', 'care_round'] as const
export type NoticeEntity = (typeof NOTICE_ENTITIES)[number]
export const ZNotification = z.object({
  id: z.number().int(),
  entity: z.enum(NOTICE_ENTITIES),
  entityId: z.number().int(),
  title: z.string(),
  body: z.string(),
  read: z.boolean(),
  createdAt: z.string(),
})
export type Notification = z.infer<typeof ZNotification>
export const ZNotificationsQuery = z.object({
  cursor: ZComplaintsQuery.shape.cursor,
  limit: ZComplaintsQuery.shape.limit,
})
export const ZNotificationsResponse = z.object({ notifications: z.array(ZNotification), unreadCount: z.number().int(), nextCursor: z.string().nullable() })
export type NotificationsResponse = z.infer<typeof ZNotificationsResponse>
