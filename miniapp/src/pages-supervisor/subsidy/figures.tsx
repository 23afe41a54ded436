import { View, Text } from '@tarojs/components'
import { TIER_LABELS, formatYuan, minutesText, type SubsidyFigures, type SubsidyReport } from '@carecircle/shared'
import { InfoRow } from '../../components/card'

const yuan = (fen: number) => <Text className='nowrap'>¥{formatYuan(fen)}</Text>

/** The reconciled figures as labelled lines: readable on a phone and in 长辈版, where a wide table is not. */
export function FigureRows({ f }: { f: SubsidyFigures }) {
  return (
    <>
      <InfoRow label='完成订单'>{f.completedOrders} 单</InfoRow>
      <InfoRow label='政府购买时长（家政 / 医疗）'>
        <Text className='nowrap'>家政 {minutesText(f.housekeepingMinutes)}</Text> / <Text className='nowrap'>医疗 {minutesText(f.medicalMinutes)}</Text>
      </InfoRow>
      <InfoRow label='补贴金额'>{yuan(f.subsidyFen)}</InfoRow>
      <InfoRow label='老人实付'>{yuan(f.paidByEldersFen)}</InfoRow>
      <InfoRow label='实收与报价不符'>{f.chargeMismatches} 单</InfoRow>
      <InfoRow label='投诉退款'>
        <View data-testid='subsidy-refunded' data-fen={f.refundedFen}>
          {yuan(f.refundedFen)}
        </View>
      </InfoRow>
    </>
  )
}

/** One station's figures, then each elder served there in one short line. */
export function StationFigures({ report, station }: { report: SubsidyReport; station: SubsidyReport['stations'][number] }) {
  const rows = report.rows.filter((r) => r.stationId === station.stationId)
  return (
    <View className='card' data-testid='subsidy-station' data-station-id={station.stationId}>
      <View className='card-title'>{station.stationName}（小计）</View>
      <View className='t-small'>运营方：{station.operatorName}</View>
      <FigureRows f={station} />
      <View className='t-strong'>每位老人</View>
      {rows.map((r) => (
        <View key={r.elderId} className='info-row' data-testid='subsidy-elder-row'>
          <View className='t-strong'>
            {r.elderName}（{TIER_LABELS[r.tier]}）
          </View>
          <View>
            {r.completedOrders} 单 · 补贴 {yuan(r.subsidyFen)} · 实付 {yuan(r.paidByEldersFen)}
            {r.chargeMismatches ? <Text className='charge-flagged'> · {r.chargeMismatches} 单实收不符</Text> : null}
            {r.refundedFen ? <Text> · 退款 {yuan(r.refundedFen)}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  )
}
