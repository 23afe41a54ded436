import { View } from '@tarojs/components'
import { TIER_LABELS, type ElderSummary } from '@carecircle/shared'
import { Choice, ChoiceGrid } from '../../../components/choice'

export interface ElderPickerProps {
  elders: ElderSummary[]
  elderId: number | null
  onPick: (id: number) => void
}

/** Step 1 for a family member who books for more than one parent: whose visit. */
export function ElderPicker({ elders, elderId, onPick }: ElderPickerProps) {
  return (
    <>
      <View className='section-title'>1. 为谁预约</View>
      <ChoiceGrid>
        {elders.map((e) => (
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
    </>
  )
}

export default ElderPicker
