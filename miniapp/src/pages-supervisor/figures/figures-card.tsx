import { View } from '@tarojs/components'
import type { StationFigures } from '@carecircle/shared'
import { InfoRow } from '../../components/card'
import { ratingText } from '../../components/station-rating'
import { WholeNumbers } from '../../components/whole-numbers'

const STATUS_WORDS = { active: '正常接单', suspended: '已暂停接单', closed: '已停业' } as const

/** "85%", or words when there was nothing to measure. */
export const shareText = (share: number | null, none: string) => (share === null ? none : `${Math.round(share * 100)}%`)
export const per100Text = (n: number | null) => (n === null ? '没有完成的订单' : `${n.toFixed(1)} 件`)

/** One station's figures as labelled lines (a card, not a wide table row): readable on a phone and in 长辈版. */
export function FiguresCard({ f }: { f: StationFigures }) {
  return (
    <View className='card' data-testid='figures-item' data-station-id={f.station.id}>
      <View className='card-title'>{f.station.name}</View>
      <View className='t-small'>
        运营方：{f.station.operatorName} · {STATUS_WORDS[f.station.status]}
      </View>
      <InfoRow label='完成服务'>{f.completedOrders} 单</InfoRow>
      <InfoRow label='收到投诉'>
        {f.complaints} 件（每 100 单 {per100Text(f.complaintsPer100Orders)}）
      </InfoRow>
      <InfoRow label='按时受理投诉'>{shareText(f.acknowledgedInTimeShare, '没有要受理的投诉')}</InfoRow>
      <InfoRow label='按时办结投诉'>{shareText(f.resolvedInTimeShare, '没有要办结的投诉')}</InfoRow>
      <InfoRow label='实收多于应付'>{f.overchargeFlags} 单</InfoRow>
      <InfoRow label='居民评价'><WholeNumbers text={ratingText(f.rating, f.ratingCount)} /></InfoRow>
    </View>
  )
}
