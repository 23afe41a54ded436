import { z } from 'zod'
import { ZPlainText } from './common'

/** A station's stars are the mean of its last 90 days' ratings, shown only once there are this many. */
export const RATING_MIN_COUNT = 5
export const RATING_WINDOW_DAYS = 90
/** A rating may be changed this long after it was first given. */
export const RATING_EDITABLE_DAYS = 7

export const ZRateOrderRequest = z.object({
  stars: z.number({ error: '请选择 1 到 5 颗星' }).int({ error: '请选择 1 到 5 颗星' }).min(1, { error: '请选择 1 到 5 颗星' }).max(5, { error: '请选择 1 到 5 颗星' }),
  comment: ZPlainText(200, '评价').optional(),
})
export type RateOrderRequest = z.infer<typeof ZRateOrderRequest>

export const ZOrderRating = z.object({
  stars: z.number().int(),
  comment: z.string().nullable(),
  ratedAt: z.string(),
  editableUntil: z.string().describe('在此之前可以修改'),
})
export type OrderRating = z.infer<typeof ZOrderRating>

/** "4.5" or null (暂无评分) from the stored tenths and count. */
export function publicRating(ratingTenths: number, ratingCount: number): number | null {
  return ratingCount >= RATING_MIN_COUNT && ratingTenths > 0 ? ratingTenths / 10 : null
}
