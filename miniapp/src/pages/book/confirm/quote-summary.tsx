import { Text, View } from '@tarojs/components'
import { formatYuan, type QuoteResponse } from '@carecircle/shared'
import { Card, InfoRow } from '../../../components/card'
import { formatDateTime } from '../../../lib/time'
import { reachText } from '../../../lib/words'
import { AboutMinutes } from '../../../components/whole-numbers'
import { WholeNumbers } from '../../../components/whole-numbers'

/** Everything the person agrees to, before they confirm: what, when, who comes, and what they pay and why. */
export function QuoteSummary({ quote, elderName }: { quote: QuoteResponse; elderName?: string }) {
  const { service, route, price } = quote
  // The server's explanation ("兴隆驿站，步行约 9 分钟（约 650 米）") knows the travel mode; prefer it.
  const prefix = `${route.stationName}，`
  const fromServer = route.explanation.startsWith(prefix)
  const reach = fromServer ? route.explanation.slice(prefix.length) : reachText(route.distanceMeters, route.travelMinutes)
  return (
    <View className='stack'>
      <Card title={service.name}>
        {/* The time first: with the amount and the button below, it is on the first screen of a small phone. */}
        <InfoRow label='上门时间' testId='visit-time'>{formatDateTime(quote.slotStart)}</InfoRow>
        {elderName ? <InfoRow label='为谁'>{elderName}</InfoRow> : null}
        <InfoRow label='服务时长'><AboutMinutes minutes={service.durationMinutes} /><Text className='nowrap'>（按{service.unit}计价）</Text></InfoRow>
      </Card>

      <Card title='由哪家驿站上门'>
        <View className='t-big'>{route.stationName}</View>
        <View data-testid='route-reach'><WholeNumbers text={reach} /></View>
        {fromServer ? null : <View className='t-small'>{route.explanation}</View>}
        <View className='t-small'>驿站电话：<Text className='num'>{route.stationPhone}</Text></View>
      </Card>

      {/* The amount itself is said once, in the pay bar beside 确认预约; here is how it comes about. */}
      <Card title='价格怎么算'>
        <InfoRow label='原价'>¥{formatYuan(price.listPriceFen)}</InfoRow>
        <InfoRow label='补贴'>¥{formatYuan(price.subsidyFen)}</InfoRow>
        <InfoRow label='为什么是这个价'>
          <View data-testid='price-explanation'><WholeNumbers text={price.explanation} /></View>
        </InfoRow>
      </Card>
    </View>
  )
}

export default QuoteSummary
