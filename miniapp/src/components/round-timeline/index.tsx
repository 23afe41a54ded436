import { Text, View } from '@tarojs/components'
import type { ElderRoundsResponse } from '@carecircle/shared'
import { Card } from '../card'
import { roundLine } from '../../lib/care-words'

/**
 * 社区巡访 on a parent's records: the plan in words and each round of the month, newest first —
 * "11月24日 看过了，一切都好". Nothing when no rounds are planned for this elder.
 */
export function RoundTimeline({ data }: { data: ElderRoundsResponse }) {
  if (!data.plan && data.rounds.length === 0) return null
  const rounds = [...data.rounds].sort((a, b) => (b.recordedAt ?? b.dueAt).localeCompare(a.recordedAt ?? a.dueAt))
  return (
    <Card title='社区巡访' testId='round-timeline'>
      <View className='stack'>
        {data.plan ? (
          <View data-testid='round-plan'>
            社区{data.plan.frequencyText}，看看{data.elder.name}是否安好（{data.plan.reasonLabel}）。
          </View>
        ) : null}
        {rounds.length === 0 ? <View className='t-muted'>这个月还没有巡访。</View> : null}
        {rounds.map((r) => {
          const line = roundLine(r)
          return (
            <View key={r.id} className='round-line' data-testid='round-line' data-outcome={r.outcome ?? r.status}>
              <Text className='nowrap t-strong'>{line.date}</Text> <Text className={`status ${line.tone}`}>{line.words}</Text>
              {r.note ? <View data-testid='round-note-text'>情况：{r.note}</View> : null}
            </View>
          )
        })}
      </View>
    </Card>
  )
}

export default RoundTimeline
