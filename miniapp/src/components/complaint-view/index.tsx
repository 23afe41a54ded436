import { View, Image, Text } from '@tarojs/components'
import { ROLE_LABELS, formatYuan, type Complaint, type Role } from '@carecircle/shared'
import { Card, InfoRow } from '../card'
import { FeeEvidence, FeeSummary } from '../fee-evidence'
import { ComplaintTimeline } from '../complaint-timeline'
import { formatDateTime } from '../../lib/time'
import { deadlineWords, stationDeadlineBadge, statusTone, statusWords } from '../../lib/complaint-words'
import './index.css'

/**
 * A sentence whose lines may break only at its spaces: "驿站应在 12月3日 08:10 前受理" never leaves "理" alone on a
 * line, nor splits a date or a time.
 */
export function NoBreakWords({ text }: { text: string }) {
  return (
    <>
      {text.split(' ').map((w, i) => (
        <Text key={i} className='nowrap'>
          {i > 0 ? ' ' : ''}
          {w}
        </Text>
      ))}
    </>
  )
}

function who(c: Complaint, viewer: Role): string {
  if (!c.complainant) return '匿名投诉人'
  const name = `${c.complainant.name}（${ROLE_LABELS[c.complainant.role as Role] ?? c.complainant.role}）`
  if (c.anonymous && (viewer === 'elder' || viewer === 'family')) return `${name}，对驿站匿名：驿站看不到您的名字`
  if (c.anonymous) return `${name}，要求对驿站匿名`
  return name
}

/** Everything about one complaint, for whoever may see it: the facts, the evidence, the photos, the progress. */
export function ComplaintView({ complaint: c, viewer }: { complaint: Complaint; viewer: Role }) {
  const station = viewer === 'staff' || viewer === 'station_admin'
  const badge = station ? stationDeadlineBadge(c) : null
  return (
    <View className='stack' data-testid='complaint-view'>
      <Card title={`${c.categoryLabel} · 第 ${c.id} 号投诉`}>
        <InfoRow label='现在的进展'>
          <View className={`status ${statusTone(c)}`} data-testid='complaint-status' data-status={c.status}>
            {statusWords(c, viewer)}
          </View>
        </InfoRow>
        {badge ? (
          <InfoRow label='驿站的期限'>
            <View className={`status ${badge.tone}`} data-testid='deadline-badge'>
              {badge.text}
            </View>
          </InfoRow>
        ) : c.nextDeadline ? (
          <InfoRow label='下一步期限'>
            <View data-testid='next-deadline'>
              {c.overdue ? '已超时。' : ''}
              <NoBreakWords text={deadlineWords(c, viewer) ?? ''} />
            </View>
          </InfoRow>
        ) : null}
        <InfoRow label='投诉的驿站'>
          {c.station.name}（电话 <View className='nowrap complaint-inline'>{c.station.phone}</View>）
        </InfoRow>
        <InfoRow label='投诉人'>
          <View data-testid='complainant'>{who(c, viewer)}</View>
        </InfoRow>
        {c.elder && c.elder.name !== c.complainant?.name ? <InfoRow label='老人'>{c.elder.name}</InfoRow> : null}
        {c.orderId ? <InfoRow label='关于哪一单'>第 {c.orderId} 号订单</InfoRow> : null}
        <InfoRow label='投诉内容'>
          <View className='complaint-description' data-testid='complaint-description'>
            {c.description}
          </View>
        </InfoRow>
        {c.refundFen !== null ? (
          <InfoRow label='退款'>
            <View data-testid='complaint-refund-amount'>¥{formatYuan(c.refundFen)}</View>
          </InfoRow>
        ) : null}
        <InfoRow label='提交时间'>{formatDateTime(c.createdAt)}</InfoRow>
      </Card>
      {c.evidence ? <FeeEvidence evidence={c.evidence} /> : c.feeSummary ? <FeeSummary summary={c.feeSummary} /> : null}
      {c.photos && c.photos.length > 0 ? (
        <>
          <View className='section-title'>照片（{c.photos.length} 张）</View>
          <View className='complaint-photos'>
            {c.photos.map((p, i) => (
              <Image key={p.id} className='complaint-photo' src={p.url} mode='aspectFit' ariaLabel={`投诉照片第 ${i + 1} 张`} nativeProps={{ alt: `投诉照片第 ${i + 1} 张` }} data-testid='complaint-photo' />
            ))}
          </View>
        </>
      ) : null}
      <View className='section-title'>处理经过</View>
      <ComplaintTimeline events={c.events ?? []} />
    </View>
  )
}

export default ComplaintView
