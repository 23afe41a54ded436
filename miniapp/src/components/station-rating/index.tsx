import { View } from '@tarojs/components'
import { RATING_MIN_COUNT } from '@carecircle/shared'
import { WholeNumbers } from '../whole-numbers'

/** "4.2 星（12 条评价）", or "暂无评分（评价不足 5 条）" while there are fewer than 5 ratings (rating null). */
export function ratingText(rating: number | null, ratingCount: number): string {
  if (rating === null) return `暂无评分（评价不足 ${RATING_MIN_COUNT} 条）`
  return `${rating.toFixed(1)} 星（${ratingCount} 条评价）`
}

/** A station's stars in words, never stars drawn alone. */
export function StationRating({ rating, ratingCount, className }: { rating: number | null; ratingCount: number; className?: string }) {
  return (
    <View className={className} data-testid='station-rating' data-rated={rating === null ? 'no' : 'yes'}>
      <WholeNumbers text={ratingText(rating, ratingCount)} />
    </View>
  )
}

export default StationRating
