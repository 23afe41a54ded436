import { View } from '@tarojs/components'
import { TIER_LABELS, formatYuan, type QuoteResponse } from '@carecircle/shared'
import { Card, InfoRow } from '../../../components/card'
import { formatDateTime } from '../../../lib/time'
import { minutesText, reachText } from '../../../lib/words'

const HOURS_KIND_WORDS = { housekeeping: '家政', medical: '医疗' } as const

/** Everything the person agrees to, before they confirm: what, when, who comes, and what they pay and why. */
export function QuoteSummary({ quote, elderName }: { quote: QuoteResponse; elderName?: string }) {
  const { service, route, price } = quote
  // The server's explanation ("兴隆驿站，约 650 米，步行约 9 分钟") knows the travel mode; prefer it.
  const prefix = `${route.stationName}，`
  const fromServer = route.explanation.startsWith(prefix)
  const reach = fromServer ? route.explanation.slice(prefix.length) : reachText(route.distanceMeters, route.travelMinutes)
  return (
    <View className='stack'>
      <Card title={service.name}>
        {elderName ? <InfoRow label='为谁'>{elderName}</InfoRow> : null}
        <InfoRow label='上门时间'>{formatDateTime(quote.slotStart)}</InfoRow>
        <InfoRow label='服务时长'>约 {minutesText(service.durationMinutes)}（按{service.unit}计价）</InfoRow>
      </Card>

      <Card title='由哪家驿站上门'>
        <View className='t-big'>{route.stationName}</View>
        <View data-testid='route-reach'>{reach}</View>
        {fromServer ? null : <View className='t-small'>{route.explanation}</View>}
        <View className='t-small'>驿站电话：{route.stationPhone}</View>
      </Card>

      <Card title='您要付多少钱'>
        <View className='t-big' data-testid='payable'>
          您需支付 ¥{formatYuan(price.payableFen)}（原价 ¥{formatYuan(price.listPriceFen)}，补贴 ¥{formatYuan(price.subsidyFen)}）
        </View>
        <View>{price.explanation}</View>
        <InfoRow label='您的类别'>{TIER_LABELS[price.tier]}</InfoRow>
        {price.hoursUsedMinutes > 0 && price.hoursKind ? (
          <InfoRow label='政府购买服务时长'>
            本次用 {minutesText(price.hoursUsedMinutes)}（{HOURS_KIND_WORDS[price.hoursKind]}）
            {price.hoursRemainingMinutes !== null ? `，本周还剩 ${minutesText(price.hoursRemainingMinutes)}` : ''}
          </InfoRow>
        ) : null}
      </Card>
    </View>
  )
}

export default QuoteSummary
