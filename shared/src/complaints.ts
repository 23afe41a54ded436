import type { Role } from './auth'

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
  reopen: { complainant: { from: ['resolved'], to: 'reopened', label: '不满意，重新投诉' } },
  confirm: {
    complainant: { from: ['resolved'], to: 'closed', label: '满意，确认办结' },
    system: { from: ['resolved'], to: 'closed', label: '到期自动办结' },
  },
}

export function complaintStep(action: ComplaintAction, status: ComplaintStatus, party: ComplaintParty): ComplaintStep | null {
  const step = COMPLAINT_STEPS[action][party]
  return step && step.from.includes(status) ? step : null
}

/** Which party a role plays, when it is the complaint's own complainant / station / a supervisor. */
export function partyOfRole(role: Role): ComplaintParty | null {
  if (role === 'elder' || role === 'family') return 'complainant'
  if (role === 'staff' || role === 'station_admin') return 'station'
  if (role === 'supervisor') return 'supervisor'
  return null
}

/** The steps a party may take now, in display order (the buttons to show). */
export function allowedComplaintActions(status: ComplaintStatus, party: ComplaintParty): ComplaintAction[] {
  return COMPLAINT_ACTIONS.filter((a) => complaintStep(a, status, party) !== null)
}
