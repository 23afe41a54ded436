import { Text, View } from '@tarojs/components'
import { chargePhrases, formatYuan, type VisitRecord } from '@carecircle/shared'
import { Card, InfoRow } from '../card'
import { formatDateCn, formatDateTime, formatTime } from '../../lib/time'
import { minutesText } from '../../lib/words'

export interface VisitRecordCardProps {
  visit: VisitRecord
  /** Lists show a short card that opens the order; the record page shows everything. */
  onPress?: () => void
}

/** Proof of one visit, as the family reads it: who came, arrived, left, minutes, what was done, what was collected. */
export function VisitRecordCard({ visit, onPress }: VisitRecordCardProps) {
  const charge = visit.charge
  return (
    <Card
      title={
        <>
          {visit.service.name} · <Text className='nowrap'>{formatDateCn(visit.slotStart)}</Text>
        </>
      }
      testId='visit-record'
      onPress={onPress}
    >
      <InfoRow label='谁来服务'>
        {visit.workerName ?? '未记录'}
        {visit.station ? `（${visit.station.name}）` : ''}
      </InfoRow>
      <InfoRow label='到达'>{visit.checkInAt ? formatDateTime(visit.checkInAt) : '未签到'}</InfoRow>
      <InfoRow label='离开'>{visit.checkOutAt ? formatTime(visit.checkOutAt) : '未签退'}</InfoRow>
      <InfoRow label='服务时长'>{visit.servedMinutes === null ? '未记录' : minutesText(visit.servedMinutes)}</InfoRow>
      <InfoRow label='做了什么'>
        <View data-testid='visit-work-note'>{visit.workNote || '服务人员没有填写'}</View>
      </InfoRow>
      <InfoRow label='收费'>
        <View data-testid='visit-charge' className={charge?.flag ? 'charge-flagged' : undefined}>
          {charge ? (
            <>
              {charge.flag ? '⚠ ' : ''}
              {chargePhrases(charge.quotedFen, charge.chargedFen).map((p) => (
                <Text key={p} className='nowrap'>
                  {p}
                </Text>
              ))}
            </>
          ) : (
            <Text className='nowrap'>应付 ¥{formatYuan(visit.payableFen)}</Text>
          )}
        </View>
      </InfoRow>
      <InfoRow label='谁预约的'>
        <View data-testid='visit-placed-by'>{visit.placedByText}</View>
      </InfoRow>
      {onPress ? <View className='link-text'>点这里看这单详情 ›</View> : null}
    </Card>
  )
}

export default VisitRecordCard
