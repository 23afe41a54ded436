import { Text } from '@tarojs/components'
import { ORDER_STATUS_LABELS, type OrderStatus } from '@carecircle/shared'

const TONE: Record<OrderStatus, 'ok' | 'warn' | 'bad' | 'info'> = {
  created: 'info',
  assigned: 'warn',
  accepted: 'info',
  in_service: 'info',
  completed: 'ok',
  cancelled: 'bad',
  unassigned: 'bad',
}

/** The order status in words; the colour only repeats what the words say. */
export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return (
    <Text className={`status ${TONE[status]}`} data-testid='order-status' data-status={status}>
      {ORDER_STATUS_LABELS[status]}
    </Text>
  )
}

export default OrderStatusBadge
