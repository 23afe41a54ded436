import { HOURS_KIND_LABELS, minutesText, type HoursEntry } from '@carecircle/shared'

export interface MovementWords {
  /** "每周发放：家政 3 小时" — what happened, in words. */
  title: string
  /** "+3 小时" / "−1 小时": the sign in words too, not only colour. */
  amount: string
  /** The supervisor's reason for an adjustment (or a refund's, when not already said); null otherwise. */
  reason: string | null
  /** Uses and refunds come from an order: the page links to it. */
  orderId: number | null
}


/**
 * Why minutes came back: the order was cancelled ("取消退回"), or the visit was shorter than booked ("按实际服务时长
 * 退回", at check-out). Null for any other reason, which is then shown as the server wrote it.
 */
function refundWhy(reason: string): string | null {
  if (reason.includes('取消')) return '订单取消'
  if (reason.includes('实际服务时长')) return '实际服务比预约的时间短'
  return null
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
    case 'refund': {
      const why = refundWhy(e.reason)
      const back = `退回${kind} ${minutesText(Math.abs(e.deltaMinutes))}`
      return { title: why ? `${why}，${back}` : back, amount, reason: why || !e.reason ? null : e.reason, orderId: e.orderId }
    }
    case 'adjust':
      return { title: `工作人员调整：${kind}${e.deltaMinutes < 0 ? '减少' : '增加'} ${minutesText(Math.abs(e.deltaMinutes))}`, amount, reason: e.reason, orderId: null }
  }
}
