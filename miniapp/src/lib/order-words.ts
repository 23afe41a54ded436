import { formatYuan, type Order } from '@carecircle/shared'

/** How much more was collected than quoted, in fen; 0 when not more. */
export function overchargeFen(order: Pick<Order, 'charge'>): number {
  return order.charge?.flag === 'overcharge' ? order.charge.chargedFen - order.charge.quotedFen : 0
}

/** An overcharge the refunds have made good. */
export function overchargeRefunded(order: Pick<Order, 'charge' | 'refundFen'>): boolean {
  const over = overchargeFen(order)
  return over > 0 && (order.refundFen ?? 0) >= over
}

/**
 * What went wrong with an order and where its complaints stand, for its list card: phrases read as one line
 * ("⚠ 多收了 ¥20.00 · 已投诉，驿站处理中"), `warn` (the ⚠) while an overcharge is not made good. Null when there is nothing to say.
 */
export function orderFlag(order: Pick<Order, 'charge' | 'refundFen' | 'complaints'>): { warn: boolean; phrases: string[] } | null {
  const over = overchargeFen(order)
  const phrases = [...(over > 0 ? [`多收了 ¥${formatYuan(over)}`] : []), ...new Set(order.complaints.map((c) => c.text))]
  return phrases.length ? { warn: over > 0 && !overchargeRefunded(order), phrases } : null
}
