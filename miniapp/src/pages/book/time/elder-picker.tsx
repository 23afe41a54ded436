import { View } from '@tarojs/components'
import { TIER_LABELS, type ElderSummary } from '@carecircle/shared'
import { Choice, ChoiceGrid } from '../../../components/choice'

export interface ElderPickerProps {
  elders: ElderSummary[]
  elderId: number | null
  onPick: (id: number) => void
}

/**
 * Step 1 for a family member with more than one parent: whose visit (starts on the last one booked for).
 * A profile still waiting for the station's visit is named, not offered: it cannot be booked yet.
 */
export function ElderPicker({ elders, elderId, onPick }: ElderPickerProps) {
  const bookable = elders.filter((e) => e.status === 'active')
  const pending = elders.filter((e) => e.status === 'pending')
  return (
    <>
      <View className='section-title'>1. 为谁预约</View>
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
      {elderId === null && bookable.length > 1 ? <View className='t-muted'>请先点一下要为谁预约。</View> : null}
    </>
  )
}

export default ElderPicker
