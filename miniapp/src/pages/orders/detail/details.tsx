import { Text, View } from '@tarojs/components'
import { chargePhrases, formatYuan, type Order } from '@carecircle/shared'
import { Card, InfoRow } from '../../../components/card'
import { WholeNumbers } from '../../../components/whole-numbers'
import { OrderStatusBadge } from '../../../components/order-status'
import { formatDateTime, formatTime } from '../../../lib/time'
import { minutesText } from '../../../lib/words'
import { overchargeRefunded } from '../../../lib/order-words'

/** The visit as proved: check-in and check-out times, minutes served and any lower report with its reason. */
function Visit({ visit }: { visit: Order['visit'] }) {
  if (!visit?.checkInAt) return null
  const served = visit.servedMinutes === null ? null
    : visit.correctedFromMinutes !== null
      ? `${minutesText(visit.servedMinutes)}（签到到签退 ${minutesText(visit.correctedFromMinutes)}，少报原因：${visit.correctionReason}）`
      : minutesText(visit.servedMinutes)
  return (
    <>
      <InfoRow label='签到'>
        {formatTime(visit.checkInAt)}
        {visit.checkInDistanceMeters !== null ? `（离您家约 ${visit.checkInDistanceMeters} 米）` : ''}
      </InfoRow>
      {visit.checkOutAt ? <InfoRow label='签退'>{formatTime(visit.checkOutAt)}</InfoRow> : null}
      {served ? <InfoRow label='服务时长'>{served}</InfoRow> : null}
      {visit.workerName ? <InfoRow label='服务人员'>{visit.workerName}</InfoRow> : null}
      {visit.workNote ? <InfoRow label='做了什么'>{visit.workNote}</InfoRow> : null}
    </>
  )
}

/** What the order is, who serves it and why that station (or, with none, who is arranging it). */
export function Details({ order }: { order: Order }) {
  const refunded = overchargeRefunded(order)
  return (
    <Card title={order.service.name}>
      <InfoRow label='状态'>
        <OrderStatusBadge status={order.status} />
      </InfoRow>
      <InfoRow label='上门时间'>{formatDateTime(order.slotStart)}</InfoRow>
      <InfoRow label='老人'>{order.elder.name}</InfoRow>
      {order.channel !== 'self' ? (
        <InfoRow label='谁预约的'>
          <View data-testid='placed-by'>{order.placedBy.text}</View>
        </InfoRow>
      ) : null}
      <InfoRow label='地址'>
        <WholeNumbers text={order.elder.address} />
      </InfoRow>
      <InfoRow label='驿站'>
        {order.station ? (
          <>
            {order.station.name}（<Text className='nowrap'>电话 {order.station.phone}</Text>）
          </>
        ) : (
          '暂未安排驿站，我们会尽快处理'
        )}
      </InfoRow>
      <InfoRow label={order.station ? '为什么是这家驿站' : '派单情况'}>
        <WholeNumbers text={order.routeExplanation} />
      </InfoRow>
      <InfoRow label='应付'>
        ¥{formatYuan(order.price.payableFen)}（原价 ¥{formatYuan(order.price.listPriceFen)}，补贴 ¥{formatYuan(order.price.subsidyFen)}）
      </InfoRow>
      <Visit visit={order.visit} />
      {order.charge ? (
        <InfoRow label='实收'>
          <View data-testid='order-charge' className={order.charge.flag && !refunded ? 'charge-flagged' : undefined}>
            {order.charge.flag && !refunded ? '⚠ ' : ''}
            {chargePhrases(order.charge.quotedFen, order.charge.chargedFen).map((p) => (
              <Text key={p} className='nowrap'>
                {p}
              </Text>
            ))}
            {order.refundFen ? <Text className='nowrap'>，已退款 ¥{formatYuan(order.refundFen)}</Text> : null}
          </View>
        </InfoRow>
      ) : null}
      {order.note ? <InfoRow label='备注'>{order.note}</InfoRow> : null}
    </Card>
  )
}
