import { Fragment, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { Order } from '@carecircle/shared'
import { Card } from '../card'
import { OrderStatusBadge } from '../order-status'
import { formatDateTime } from '../../lib/time'
import { orderFlag } from '../../lib/order-words'
import { WholeNumbers } from '../whole-numbers'

export interface OrderCardProps {
  order: Order
  onPress?: () => void
  /** Show the address (staff need it; residents know where they live). */
  showAddress?: boolean
  children?: ReactNode
}

/** One order in a list: what, when, for whom, who serves, and the status in words. */
export function OrderCard({ order, onPress, showAddress = false, children }: OrderCardProps) {
  const flag = orderFlag(order)
  return (
    <Card title={order.service.name} testId='order-item' onPress={onPress} data={{ 'data-order-id': order.id }}>
      <View>
        <OrderStatusBadge status={order.status} />
        {order.overdue ? <View className='status bad'>已超时，请尽快处理</View> : null}
      </View>
      {/* A 已完成 that was overcharged, complained about or refunded says so in words, right under the status. */}
      {flag ? (
        <View className={flag.warn ? 'charge-flagged' : 't-strong'} data-testid='order-flag'>
          {flag.warn ? '⚠ ' : ''}
          {flag.phrases.map((p, i) => (
            <Fragment key={p}>
              {i ? ' · ' : ''}
              <Text className='nowrap'>{p}</Text>
            </Fragment>
          ))}
        </View>
      ) : null}
      <View>时间：{formatDateTime(order.slotStart)}</View>
      <View>老人：{order.elder.name}</View>
      {order.channel !== 'self' ? <View data-testid='placed-by'>{order.placedBy.text}</View> : null}
      {showAddress ? <View>
          地址：<WholeNumbers text={order.elder.address} />
        </View> : null}
      <View>驿站：{order.station ? order.station.name : '暂未安排'}</View>
      {onPress ? <View className='link-text'>点这里看详情 ›</View> : null}
      {children ? <View className='stack'>{children}</View> : null}
    </Card>
  )
}

export default OrderCard
