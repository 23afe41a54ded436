import { View } from '@tarojs/components'
import { TIER_LABELS, type ElderSummary } from '@carecircle/shared'
import { Choice, ChoiceGrid } from '../choice'

export interface ElderPickerProps {
  elders: ElderSummary[]
  elderId: number | null
  onPick: (id: number) => void
  /** The question above the names; booking asks "1. 为谁预约", the price board "看谁的价格". */
  title?: string
  /** What to say while nobody is picked yet. */
  pickHint?: string
}

/**
 * Step 1 for a family member with more than one parent: whose visit (starts on the last one booked for).
 * A profile still waiting for the station's visit is named, not offered: it cannot be booked yet.
 */
export function ElderPicker({ elders, elderId, onPick, title = '1. 为谁预约', pickHint = '请先点一下要为谁预约。' }: ElderPickerProps) {
  const bookable = elders.filter((e) => e.status === 'active')
  const pending = elders.filter((e) => e.status === 'pending')
  return (
    <>
      <View className='section-title'>{title}</View>
      <ChoiceGrid>
        {bookable.map((e) => (
          <Choice
            key={e.id}
            label={e.name}
            sub={`${TIER_LABELS[e.tier]}${e.tierVerified ? '' : '（未核定，按有偿）'}`}
            selected={e.id === elderId}
            testId='elder'
            value={String(e.id)}
            onPress={() => onPick(e.id)}
          />
        ))}
      </ChoiceGrid>
      {pending.map((e) => (
        <View key={e.id} className='notice warn' data-testid='elder-pending'>
          {e.name}的资料还在等驿站工作人员上门确认，确认后才能预约。
        </View>
      ))}
      {elderId === null && bookable.length > 1 ? <View className='t-muted'>{pickHint}</View> : null}
    </>
  )
}

export default ElderPicker
