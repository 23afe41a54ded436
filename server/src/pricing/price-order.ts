import { formatYuan, hoursWeekText, minutesText, TIER_LABELS, type HoursKind, type PriceBreakdown, type Tier } from '@carecircle/shared'

export interface PriceInput {
  tier: Tier
  /** Whether a supervisor verified the tier; an unverified elder pays the paid price (seed 004). */
  tierVerified: boolean
  priceVersionId: number
  item: { freeFen: number; lowFen: number; paidFen: number }
  durationMinutes: number
  hoursKind: HoursKind | null
  /** Government-purchased minutes of `hoursKind` left in the visit's week, before this order. */
  hoursRemainingMinutes: number
  /** Who the explanation is about: the elder is "您" when booking for themself, named when family books. */
  person: { elderName: string; callerIsElder: boolean }
  /** Mondays (YYYY-MM-DD) of the visit's week, whose minutes it uses, and of today's: the words name the visit's week. */
  weeks: { visit: string; today: string }
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
  const explanation = explain(p, { tier, tierPriceFen, hoursUsedMinutes, uncovered, payableFen })
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
    explanation,
  }
}

/**
 * Why this is the price, in plain words: the tier, then what purchased minutes cover and what the rest
 * costs. The amount payable itself is not repeated: the screen shows it once, beside the confirm button.
 */
function explain(p: PriceInput, r: { tier: Tier; tierPriceFen: number; hoursUsedMinutes: number; uncovered: number; payableFen: number }): string {
  const who = p.person.callerIsElder ? '您' : p.person.elderName
  const label = TIER_LABELS[r.tier]
  if (!p.tierVerified && p.tier !== 'paid') return `${who}的补贴资格尚未核实，暂按原价 ¥${formatYuan(p.item.paidFen)} 支付`
  if (r.tier === 'paid') return `${who}按原价 ¥${formatYuan(r.tierPriceFen)} 支付`
  const tierPart = `${who}是${label}服务对象，${r.tierPriceFen === 0 ? '这项服务不收费' : `${label}价 ¥${formatYuan(r.tierPriceFen)}`}`
  if (!p.hoursKind) return tierPart
  const kind = `${hoursWeekText(p.weeks.visit, p.weeks.today)}政府购买的${HOURS_KIND_LABELS[p.hoursKind]}时长`
  const rest = r.payableFen === 0 ? '不收费' : `按${label}价 ¥${formatYuan(r.payableFen)} 支付`
  if (r.hoursUsedMinutes === 0) return `${tierPart}；${kind}已用完，这次${rest}`
  const used = `${kind}还剩 ${minutesText(p.hoursRemainingMinutes)}，这次抵扣 ${minutesText(r.hoursUsedMinutes)}`
  if (r.uncovered === 0) return `${tierPart}；${used}，不用付钱`
  return `${tierPart}；${used}；另 ${minutesText(r.uncovered)}${rest}`
}
