import { View } from '@tarojs/components'
import type { Complaint, ComplaintStatus } from '@carecircle/shared'
import { formatDateTime } from '../../lib/time'
import { WholeNumbers } from '../whole-numbers'
import './index.css'

type ComplaintEvent = NonNullable<Complaint['events']>[number]

/** What the words written at a step are, said by the step they belong to. */
const MESSAGE_LABELS: Record<ComplaintStatus, string> = {
  submitted: '说明',
  acknowledged: '受理时说',
  resolved: '答复',
  reopened: '不满意的原因',
  escalated: '督办说明',
  closed: '说明',
}

/** A complaint's progress, oldest first: when, what happened, who did it, and what they wrote. */
export function ComplaintTimeline({ events }: { events: ComplaintEvent[] }) {
  if (events.length === 0) return <View className='t-muted'>还没有处理记录。</View>
  return (
    <View className='complaint-timeline' data-testid='complaint-timeline'>
      {events.map((e, i) => (
        <View key={`${e.at}-${i}`} className='complaint-timeline-item' data-testid='complaint-event' data-status={e.toStatus}>
          <View className='t-small'>{formatDateTime(e.at)}</View>
          <View className='t-strong'>{e.text}</View>
          <View className='t-small'>经办：{e.actor}</View>
          {e.message ? (
            <View className='complaint-timeline-message'>
              {MESSAGE_LABELS[e.toStatus]}：<WholeNumbers text={e.message} />
            </View>
          ) : null}
        </View>
      ))}
    </View>
  )
}

export default ComplaintTimeline
