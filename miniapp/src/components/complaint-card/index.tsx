import { View } from '@tarojs/components'
import type { Complaint, Role } from '@carecircle/shared'
import { Card } from '../card'
import { NoBreakWords } from '../complaint-view'
import './index.css'
import { formatDateTime } from '../../lib/time'
import { deadlineWords, stationDeadlineBadge, statusTone, statusWords } from '../../lib/complaint-words'

export interface ComplaintCardProps {
  complaint: Complaint
  viewer: Role
  /** The station's view: its own deadline as a badge, and who complained (or 匿名投诉人). */
  forStation?: boolean
  /** The supervisor's view: which station, who complained. */
  showWho?: boolean
  onPress: () => void
}

/** One complaint in a list: what about, the status in words, the next deadline; the whole card opens it. */
export function ComplaintCard({ complaint: c, viewer, forStation = false, showWho = false, onPress }: ComplaintCardProps) {
  const badge = forStation ? stationDeadlineBadge(c) : null
  return (
    <Card title={`${c.categoryLabel} · 第 ${c.id} 号投诉`} testId='complaint-item' onPress={onPress}>
      <View className='complaint-card-body'>
        <View>
          <View className={`status ${statusTone(c)}`} data-testid='complaint-status' data-status={c.status}>
            {c.overdue && !badge ? `已超时 · ${statusWords(c, viewer)}` : statusWords(c, viewer)}
          </View>
        </View>
        {badge ? (
          <View>
            <View className={`status ${badge.tone}`} data-testid='deadline-badge'>
              {badge.text}
            </View>
          </View>
        ) : c.nextDeadline ? (
          <View data-testid='next-deadline'>
            <NoBreakWords text={deadlineWords(c, viewer) ?? ''} />
          </View>
        ) : null}
        {!forStation ? <View>驿站：{c.station.name}</View> : null}
        {forStation || showWho ? <View>投诉人：{c.complainant ? c.complainant.name : '匿名投诉人'}</View> : null}
        <View className='complaint-card-text'>{c.description}</View>
        <View className='t-small'>提交于 {formatDateTime(c.createdAt)}</View>
        <View className='link-text'>查看详情 ›</View>
      </View>
    </Card>
  )
}

export default ComplaintCard
