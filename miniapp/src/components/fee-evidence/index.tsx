import { Text, View } from '@tarojs/components'
import { TIER_LABELS, formatYuan, type FeeEvidence as Evidence, type FeeSummary as Summary } from '@carecircle/shared'
import { Card, InfoRow } from '../card'

export interface FeeEvidenceProps {
  evidence: Evidence
  /** Before filing: what will be attached; after: what was attached. */
  preview?: boolean
}

/** The published price against what was quoted (and collected): read-only, the server's own record. */
export function FeeEvidence({ evidence, preview = false }: FeeEvidenceProps) {
  return (
    <Card title={preview ? '会附上的收费记录' : '收费记录'} testId='fee-evidence'>
      <View className='t-small'>{preview ? '系统自动带上，不用您填。' : '投诉时系统自动附上。'}</View>
      <InfoRow label='价格公示'>第 {evidence.priceVersionId} 版</InfoRow>
      <InfoRow label='老人收费类别'>{TIER_LABELS[evidence.tier]}</InfoRow>
      <InfoRow label='公示的标准价'>¥{formatYuan(evidence.listPriceFen)}</InfoRow>
      <InfoRow label={`公示的${TIER_LABELS[evidence.tier]}价格`}>¥{formatYuan(evidence.publishedTierPriceFen)}</InfoRow>
      <InfoRow label='预约时说好的应付'>¥{formatYuan(evidence.quotedPayableFen)}</InfoRow>
      <InfoRow label='服务人员记录的实收'>{evidence.chargedFen === null ? '没有记录' : `¥${formatYuan(evidence.chargedFen)}`}</InfoRow>
      {preview ? (
        <View className='t-small'>
          {evidence.chargedFen === null ? '服务人员没有记下收了多少：如果您愿意，可以在下面写上实际收了多少。' : '收了多少已经记在上面，不用再写。'}
        </View>
      ) : null}
    </Card>
  )
}

/** The difference in words: 多收 ¥20.00 / 少收 ¥5.00 / 与预约时一致 / 没有记录实收. */
export function differenceWords(differenceFen: number | null): string {
  if (differenceFen === null) return '服务人员没有记录实收'
  if (differenceFen === 0) return '实收与预约时一致'
  return `${differenceFen > 0 ? '多收' : '少收'} ¥${formatYuan(Math.abs(differenceFen))}`
}

/**
 * What the station reads of an anonymous fee complaint: the service, the month and the difference — enough to look
 * into its charging, nothing that points to one visit or one person.
 */
export function FeeSummary({ summary }: { summary: Summary }) {
  const [year, month] = summary.month.split('-').map(Number)
  return (
    <Card title='收费差额' testId='fee-summary'>
      <InfoRow label='服务'>{summary.serviceName}</InfoRow>
      <InfoRow label='月份'>
        <Text className='nowrap'>
          {year}年{month}月
        </Text>
      </InfoRow>
      <InfoRow label='差额'>
        <Text className='nowrap' data-testid='fee-difference'>
          {differenceWords(summary.differenceFen)}
        </Text>
      </InfoRow>
      <View className='t-small'>投诉人要求匿名，驿站只看到服务、月份和差额，看不到是哪一单、哪位老人。</View>
    </Card>
  )
}

export default FeeEvidence
