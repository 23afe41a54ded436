import { View } from '@tarojs/components'
import type { Order } from '@carecircle/shared'
import { Card, InfoRow } from '../../../components/card'
import { formatDateTime } from '../../../lib/time'

/** What the complaint is about, so the person can check it is the right one before writing. */
export function ComplaintSubject({ order, stationName }: { order: Order | null; stationName: string | null }) {
  if (order) {
    return (
      <Card title='投诉的是这一单服务' testId='complaint-subject'>
        <InfoRow label='服务'>{order.service.name}</InfoRow>
        <InfoRow label='上门时间'>{formatDateTime(order.slotStart)}</InfoRow>
        <InfoRow label='驿站'>{order.station?.name ?? '最后接单的驿站'}</InfoRow>
        <InfoRow label='订单编号'>第 {order.id} 号</InfoRow>
      </Card>
    )
  }
  return (
    <Card title='投诉的是这家驿站' testId='complaint-subject'>
      <View>{stationName ?? '正在查驿站名称……'}</View>
    </Card>
  )
}
