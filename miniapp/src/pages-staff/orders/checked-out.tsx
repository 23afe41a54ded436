import { Text, View } from '@tarojs/components'
import { chargePhrases, minutesText, type Order } from '@carecircle/shared'

/** After check-out, on the worker's card: the minutes served and what was collected, flagged when it differs from the quote. */
export function CheckedOut({ order }: { order: Order }) {
  const { charge, visit } = order
  if (order.status !== 'completed' || !charge) return null
  return (
    <View className={`notice ${charge.flag ? 'warn' : 'ok'}`} data-testid='checked-out' data-flag={charge.flag ?? 'none'}>
      <View>
        已签退：服务 <Text className='nowrap'>{minutesText(visit.servedMinutes ?? 0)}</Text>
      </View>
      <View>
        {charge.flag ? '⚠ ' : ''}
        {chargePhrases(charge.quotedFen, charge.chargedFen).map((p) => (
          <Text key={p} className='nowrap'>
            {p}
          </Text>
        ))}
      </View>
    </View>
  )
}
