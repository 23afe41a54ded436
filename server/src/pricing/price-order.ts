import { formatYuan, TIER_LABELS, type HoursKind, type PriceBreakdown, type Tier } from '@carecircle/shared'

export interface PriceInput {
  tier: Tier
  /** Whether a supervisor verified the tier; an unverified elder pays the paid price (seed 004). */
  tierVerified: boolean
  priceVersionId: number
  item: { freeFen: number; lowFen: number; paidFen: number }
  durationMinutes: number
  hoursKind: HoursKind | null
  /** Government-purchased minutes of `hoursKind` left this week, before this order. */
  hoursRemainingMinutes: number
}

const HOURS_KIND_LABELS: Record<HoursKind, string> = { housekeeping: '家政', medical: '医疗' }

/**
 * What the elder pays, and why. Purchased minutes are used first; what they do not cover is charged
 * pro rata at the tier price (rounded half up to the fen). Pure: all amounts integer fen.
 */
export function priceOrder(p: PriceInput): PriceBreakdown {
  const tier: Tier = p.tierVerified ? p.tier : 'paid'
  const listPriceFen = p.item.paidFen
  const tierPriceFen = tier === 'free' ? p.item.freeFen : tier === 'low' ? p.item.lowFen : p.item.paidFen
  const eligible = tier !== 'paid' && p.hoursKind !== null
  const hoursUsedMinutes = eligible ? Math.max(0, Math.min(p.durationMinutes, p.hoursRemainingMinutes)) : 0
  const uncovered = p.durationMinutes - hoursUsedMinutes
  const payableFen = p.durationMinutes > 0 ? Math.floor((tierPriceFen * uncovered * 2 + p.durationMinutes) / (2 * p.durationMinutes)) : tierPriceFen
  const subsidyFen = listPriceFen - payableFen
  const parts = [`原价 ¥${formatYuan(listPriceFen)}`]
  if (!p.tierVerified && p.tier !== 'paid') parts.push('您的补贴资格尚未核实，暂按有偿价格计算')
  else if (tier !== 'paid') parts.push(`您是${TIER_LABELS[tier]}服务对象，价格 ¥${formatYuan(tierPriceFen)}`)
  if (hoursUsedMinutes > 0 && p.hoursKind) {
    parts.push(`使用政府购买${HOURS_KIND_LABELS[p.hoursKind]}服务 ${hoursUsedMinutes} 分钟（本周还剩 ${p.hoursRemainingMinutes - hoursUsedMinutes} 分钟）`)
  }
  parts.push(`您需支付 ¥${formatYuan(payableFen)}`)
  return {
    tier,
    priceVersionId: p.priceVersionId,
    listPriceFen,
    tierPriceFen,
    subsidyFen,
    payableFen,
    hoursKind: p.hoursKind,
    hoursUsedMinutes,
    hoursRemainingMinutes: eligible ? p.hoursRemainingMinutes - hoursUsedMinutes : null,
    explanation: parts.join('；'),
  }
}
