import type { PriceBoardItem, PriceComparison, PriceVersion, Tier } from '@carecircle/shared'

/** The price this tier pays for one unit of the service, in fen. */
export function priceForTier(item: Pick<PriceBoardItem, 'freeFen' | 'lowFen' | 'paidFen'>, tier: Tier): number {
  return tier === 'free' ? item.freeFen : tier === 'low' ? item.lowFen : item.paidFen
}

type Compared = PriceComparison['stations'][number]

/**
 * 与附近驿站比价 order: the elder's own price first, then the shorter trip, then the better rating (no rating
 * last), then the station id so the list never shuffles. Suspended stations go to the end: they take no orders.
 */
export function sortComparison(stations: readonly Compared[]): Compared[] {
  return [...stations].sort(
    (a, b) =>
      Number(a.status === 'suspended') - Number(b.status === 'suspended') ||
      a.yourPriceFen - b.yourPriceFen ||
      a.travelMinutes - b.travelMinutes ||
      (b.rating ?? -1) - (a.rating ?? -1) ||
      a.stationId - b.stationId,
  )
}

/** Where a version stands, in words: a draft, in force now, waiting for its date, or replaced. */
export function versionStatusWords(v: Pick<PriceVersion, 'status' | 'inForce' | 'effectiveFrom'>, now: number = Date.now()): { words: string; tone: 'ok' | 'info' | 'warn' } {
  if (v.status === 'draft') return { words: '草稿（居民看不到）', tone: 'warn' }
  if (v.inForce) return { words: '正在执行', tone: 'ok' }
  if (Date.parse(v.effectiveFrom) > now) return { words: '已公示，等到生效时间执行', tone: 'info' }
  return { words: '已被新价格代替', tone: 'info' }
}
