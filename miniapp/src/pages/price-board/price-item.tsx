import { View } from '@tarojs/components'
import { CATEGORY_LABELS, TIER_LABELS, formatYuan, type PriceBoardItem } from '@carecircle/shared'
import { minutesText } from '../../lib/words'

const HOURS_WORDS = { housekeeping: '可用政府购买的家政服务时长', medical: '可用政府购买的医疗服务时长' } as const

/** One service on the board: what it is, its unit, and the price for each tier, in yuan. */
export function PriceItem({ item }: { item: PriceBoardItem }) {
  const prices = [
    { tier: 'free' as const, fen: item.freeFen },
    { tier: 'low' as const, fen: item.lowFen },
    { tier: 'paid' as const, fen: item.paidFen },
  ]
  return (
    <View className='card' data-testid='price-item' data-service-id={item.serviceId}>
      <View className='card-title'>{item.name}</View>
      <View className='t-small'>
        {CATEGORY_LABELS[item.category]} · 计价单位：{item.unit} · 约 {minutesText(item.durationMinutes)}
      </View>
      <View>服务内容：{item.content}</View>
      {item.hoursKind ? <View className='t-small'>{HOURS_WORDS[item.hoursKind]}</View> : null}
      <View className='price-rows'>
        {prices.map((p) => (
          <View key={p.tier} className='price-row' data-tier={p.tier}>
            <View className='price-tier'>{TIER_LABELS[p.tier]}对象</View>
            <View className='price-value'>
              ¥{formatYuan(p.fen)}/{item.unit}
            </View>
          </View>
        ))}
      </View>
    </View>
  )
}

export default PriceItem
