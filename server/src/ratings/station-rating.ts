import { RATING_MIN_COUNT } from '@carecircle/shared'

/** What a station's stored rating becomes from its window's ratings: their mean in tenths, or 0 with too few. */
export function stationRating(starsInWindow: readonly number[]): { ratingTenths: number; ratingCount: number } {
  const n = starsInWindow.length
  if (n < RATING_MIN_COUNT) return { ratingTenths: 0, ratingCount: n }
  const sum = starsInWindow.reduce((a, b) => a + b, 0)
  return { ratingTenths: Math.round((sum * 10) / n), ratingCount: n }
}
