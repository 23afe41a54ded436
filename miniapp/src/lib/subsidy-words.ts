import { HOURS_KIND_LABELS, minutesText, type HoursEntry } from '@carecircle/shared'

export interface MovementWords {
  /** "每周发放：家政 3 小时" — what happened, in words. */
  title: string
  /** "+3 小时" / "−1 小时": the sign in words too, not only colour. */
  amount: string
  /** The supervisor's reason for an adjustment; null otherwise. */
  reason: string | null
  /** Uses and refunds come from an order: the page links to it. */
  orderId: number | null
}


/** One ledger movement as an elder reads it: grant, use by an order, return on cancellation, adjustment. */
export function movementWords(e: Pick<HoursEntry, 'kind' | 'movement' | 'deltaMinutes' | 'reason' | 'orderId'>): MovementWords {
  const kind = HOURS_KIND_LABELS[e.kind]
  const amount = `${e.deltaMinutes < 0 ? '−' : '+'}${minutesText(Math.abs(e.deltaMinutes))}`
  switch (e.movement) {
    case 'grant':
      return { title: `每周发放：${kind} ${minutesText(e.deltaMinutes)}`, amount, reason: null, orderId: null }
    case 'use':
      return { title: `预约服务用了${kind} ${minutesText(Math.abs(e.deltaMinutes))}`, amount, reason: null, orderId: e.orderId }
    case 'refund':
      return { title: `订单取消，退回${kind} ${minutesText(Math.abs(e.deltaMinutes))}`, amount, reason: null, orderId: e.orderId }
    case 'adjust':
      return { title: `工作人员调整：${kind}${e.deltaMinutes < 0 ? '减少' : '增加'} ${minutesText(Math.abs(e.deltaMinutes))}`, amount, reason: e.reason, orderId: null }
  }
}
