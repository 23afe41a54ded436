import { Text, View } from '@tarojs/components'
import { COMPLAINT_CATEGORY_LABELS, chargePhrases, formatYuan, type Order } from '@carecircle/shared'
import { BigButton } from '../../../components/big-button'
import { getUser } from '../../../auth/session'
import { ROUTES, complaintDetailUrl, go, withQuery } from '../../../lib/nav'
import { overchargeFen, overchargeRefunded } from '../../../lib/order-words'

/**
 * The top of 订单详情 when something went wrong: the overcharge in words with 投诉收费 right under it, and each
 * complaint about the order with where it stands (refund included) and the way to it. 投诉收费 gives way to
 * 查看投诉 once a fee complaint exists: the server would refuse a second one.
 */
export function OrderProblem({ order }: { order: Order }) {
  const over = overchargeFen(order)
  if (over === 0 && order.complaints.length === 0) return null
  const settled = overchargeRefunded(order)
  const feeComplaint = order.complaints.find((c) => c.category === 'fee')
  const tone = over > 0 && !settled ? ' warn' : settled ? ' ok' : ''
  return (
    <View className={`notice stack${tone}`} data-testid='order-problem'>
      {over > 0 && order.charge ? (
        <>
          <View className='t-big'>
            {settled ? (
              <>
                <Text className='nowrap'>多收的 ¥{formatYuan(over)}</Text> <Text className='nowrap'>已退款</Text>
              </>
            ) : (
              `⚠ 多收了 ¥${formatYuan(over)}`
            )}
          </View>
          <View>
            {chargePhrases(order.charge.quotedFen, order.charge.chargedFen).map((p) => (
              <Text key={p} className='nowrap'>
                {p}
              </Text>
            ))}
          </View>
        </>
      ) : null}
      {over > 0 && !feeComplaint ? (
        <BigButton testId='complain-fee' onPress={() => go(withQuery(ROUTES.complaintNew, { orderId: order.id, category: 'fee' }))}>
          投诉收费
        </BigButton>
      ) : null}
      {order.complaints.map((c) => (
        <View key={c.id} className='stack'>
          <View className='t-strong'>
            <Text className='nowrap'>{COMPLAINT_CATEGORY_LABELS[c.category]}投诉：</Text>
            <Text className='nowrap'>{c.text}</Text>
          </View>
          <BigButton variant='secondary' testId='open-complaint' onPress={() => go(complaintDetailUrl(getUser()?.role, c.id))}>
            查看投诉
          </BigButton>
        </View>
      ))}
    </View>
  )
}
