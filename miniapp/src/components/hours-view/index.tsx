import { View, Text } from '@tarojs/components'
import { TIER_LABELS, type HoursResponse } from '@carecircle/shared'
import { Card, InfoRow } from '../card'
import { BigButton } from '../big-button'
import { WholeNumbers } from '../whole-numbers'
import { movementWords } from '../../lib/subsidy-words'
import { formatDateCn, formatDateTime } from '../../lib/time'
import { ROUTES, go, withQuery } from '../../lib/nav'

/** The tier and why, in plain words, with since when and until when it holds. */
export function TierCard({ hours }: { hours: HoursResponse }) {
  const t = hours.tier
  return (
    <Card title={`收费类别：${TIER_LABELS[t.tier]}`} testId='subsidy-tier'>
      <View className='notice' data-testid='subsidy-why'>
        {t.explanation}
      </View>
      {t.verified && t.category !== 'none' ? <InfoRow label='认定的类别'>{t.categoryLabel}</InfoRow> : null}
      {t.verifiedAt ? (
        <InfoRow label='认定日期'>
          <Text className='nowrap'>{formatDateCn(t.verifiedAt)}</Text>
        </InfoRow>
      ) : null}
      {t.expiresAt ? (
        <InfoRow label='有效期到'>
          <Text className='nowrap'>{formatDateCn(t.expiresAt)}</Text>（到期前一周会提醒）
        </InfoRow>
      ) : null}
    </Card>
  )
}

/** This week's government-purchased minutes, one line per kind, the numbers kept whole. */
export function Balances({ hours }: { hours: HoursResponse }) {
  if (hours.balances.length === 0) {
    return <View className='notice'>这一周没有政府购买的服务时长。无偿、低偿对象每周有家政和医疗服务时长。</View>
  }
  return (
    <View className='stack'>
      {hours.balances.map((b) => (
        <View key={b.kind} className='card t-big' data-testid='subsidy-balance' data-kind={b.kind} data-remaining={b.remainingMinutes}>
          <WholeNumbers text={b.text} />
        </View>
      ))}
    </View>
  )
}

/** Every movement of the week, newest first: what happened in words, the amount with its sign, the order it came from. */
export function Movements({ hours }: { hours: HoursResponse }) {
  if (hours.ledger.length === 0) return <View className='t-muted'>这一周还没有记录。</View>
  return (
    <View className='stack'>
      {hours.ledger.map((e) => {
        const w = movementWords(e)
        return (
          <View key={e.id} className='card' data-testid='subsidy-movement' data-movement={e.movement}>
            <View className='t-strong'>
              <WholeNumbers text={w.title} />
            </View>
            <View className='t-small'>
              <Text className='nowrap'>{formatDateTime(e.at)}</Text>
            </View>
            {w.reason ? <View><WholeNumbers text={`原因：${w.reason}`} /></View> : null}
            {w.orderId ? (
              <BigButton variant='secondary' testId='movement-order' onPress={() => go(withQuery(ROUTES.orderDetail, { id: w.orderId! }))}>
                看这一单
              </BigButton>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}
