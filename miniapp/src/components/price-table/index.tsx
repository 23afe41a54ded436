import { View, Text } from '@tarojs/components'
import { CATEGORY_LABELS, TIER_LABELS, formatYuan, type PriceBoardItem, type Tier } from '@carecircle/shared'
import { AboutMinutes } from '../whole-numbers'
import { priceForTier } from '../../lib/prices'
import '../card/index.css'
import './index.css'

const HOURS_WORDS = { housekeeping: '可用政府购买的家政服务时长', medical: '可用政府购买的医疗服务时长' } as const
const TIERS: Tier[] = ['free', 'low', 'paid']

/** The part of a board item the table needs (a draft being previewed has no id of its own yet). */
export type PriceTableItem = Pick<PriceBoardItem, 'serviceId' | 'name' | 'category' | 'unit' | 'content' | 'durationMinutes' | 'hoursKind' | 'freeFen' | 'lowFen' | 'paidFen'>

/**
 * One service on the board: its name and unit ("按小时计价", said once), the three tier prices side by side (each its
 * own cell, so a price never breaks inside; three fit a 320 px phone), then what the service includes. `highlight`
 * marks the tier of the person reading, in words.
 */
export function PriceItem({ item, highlight }: { item: PriceTableItem; highlight?: Tier | null }) {
  return (
    <View className='card price-item' data-testid='price-item' data-service-id={item.serviceId}>
      <View className='price-item-name'>
        <Text className='t-strong'>{item.name}</Text>
        <Text className='t-small nowrap'>（按{item.unit}计价）</Text>
      </View>
      <View className='tier-cells'>
        {TIERS.map((tier) => (
          <View key={tier} className={`tier-cell${tier === highlight ? ' mine' : ''}`} data-tier={tier}>
            <View className='tier-name'>
              {TIER_LABELS[tier]}
              {tier === highlight ? '·您' : ''}
            </View>
            <View className='price-value nowrap'>¥{formatYuan(priceForTier(item, tier))}</View>
          </View>
        ))}
      </View>
      <View className='t-small'>
        {CATEGORY_LABELS[item.category]} · <AboutMinutes minutes={item.durationMinutes} />
        {item.hoursKind ? ` · ${HOURS_WORDS[item.hoursKind]}` : ''}
      </View>
      <View className='t-small'>服务内容：{item.content}</View>
    </View>
  )
}

/** The whole three-tier table: every service of a board (or of a draft, as residents will see it). */
export function PriceTable({ items, highlight }: { items: PriceTableItem[]; highlight?: Tier | null }) {
  return (
    <View className='stack' data-testid='price-table'>
      {items.map((item) => (
        <PriceItem key={item.serviceId} item={item} highlight={highlight} />
      ))}
    </View>
  )
}

export default PriceTable
