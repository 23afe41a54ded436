import { View, Text } from '@tarojs/components'
import { TIER_LABELS, formatYuan, type PriceBoardItem, type Tier } from '@carecircle/shared'
import { priceForTier } from '../../lib/prices'

export interface MyPricesProps {
  items: PriceBoardItem[]
  tier: Tier
  /** "您的价格" or "王秀英的价格". */
  heading: string
  /** Why this tier, in plain words (from the verified tier), or null while it loads. */
  explanation: string | null
  /** Tapping a service compares it with the other stations around the elder's home. */
  onCompare: (item: PriceBoardItem) => void
}

/**
 * For a logged-in elder or family member: one short line per service with the price THIS person pays, so the
 * price comes first and the board is a screen or two, not twelve. The three-tier table stays one tap away.
 */
export function MyPrices({ items, tier, heading, explanation, onCompare }: MyPricesProps) {
  return (
    <View className='stack' data-testid='my-prices' data-tier={tier}>
      <View className='section-title tight'>
        {heading}（{TIER_LABELS[tier]}对象）
      </View>
      <View className='card my-price-list'>
        {items.map((item) => {
          const fen = priceForTier(item, tier)
          return (
            <View
              key={item.serviceId}
              className='my-price-row'
              role='button'
              tabIndex={0}
              hoverClass='my-price-hover'
              data-testid='my-price'
              data-service-id={item.serviceId}
              onClick={() => onCompare(item)}
            >
              <View className='my-price-name'>{item.name}</View>
              <View className='my-price-value nowrap' data-testid='my-price-value'>
                ¥{formatYuan(fen)}/{item.unit}
              </View>
              <View className='my-price-more'>
                {item.hoursKind && tier !== 'paid' && fen > 0 ? <Text>可用政府购买时长抵扣 · </Text> : null}
                <Text className='nowrap'>与附近驿站比价 ›</Text>
              </View>
            </View>
          )
        })}
      </View>
      {explanation ? (
        <View className='notice' data-testid='tier-explanation'>
          {explanation}
        </View>
      ) : null}
    </View>
  )
}

export default MyPrices
