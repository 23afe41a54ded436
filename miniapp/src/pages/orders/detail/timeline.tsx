import { View } from '@tarojs/components'
import { WholeNumbers } from '../../../components/whole-numbers'
import type { OrderEvent } from '@carecircle/shared'
import { formatDateTime } from '../../../lib/time'
import './timeline.css'

/** What has happened to the order, oldest first, one plain sentence each. */
export function Timeline({ events }: { events: OrderEvent[] }) {
  if (events.length === 0) return <View className='t-muted'>还没有进展记录。</View>
  return (
    <View className='timeline' data-testid='timeline'>
      {events.map((e, i) => (
        <View key={`${e.at}-${i}`} className='timeline-item' data-testid='timeline-item'>
          <View className='t-small'>{formatDateTime(e.at)}</View>
          <View>
            <WholeNumbers text={e.text} />
          </View>
          {/* Most sentences already say why; the reason gets its own line only when they do not. */}
          {e.reason && !e.text.includes(e.reason) ? <View className='t-small'>原因：{e.reason}</View> : null}
        </View>
      ))}
    </View>
  )
}

export default Timeline
