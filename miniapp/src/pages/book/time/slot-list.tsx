import { View } from '@tarojs/components'
import type { BookableSlotsResponse } from '@carecircle/shared'
import { Choice, ChoiceGrid } from '../../../components/choice'
import { formatTime } from '../../../lib/time'

export interface SlotListProps {
  slots: BookableSlotsResponse['slots']
  onPick: (slotStart: string) => void
}

/** Bookable times as big buttons; full ones are listed as "已约满" text that cannot be tapped. */
export function SlotList({ slots, onPick }: SlotListProps) {
  const open = slots.filter((s) => s.available)
  const full = slots.filter((s) => !s.available)
  if (open.length === 0) {
    return <View className='notice warn'>这一天的时间都约满了（或已过），请点上面换一天。</View>
  }
  return (
    <View className='stack'>
      <ChoiceGrid>
        {open.map((s) => (
          <Choice
            key={s.slotStart}
            label={`${formatTime(s.slotStart)}–${formatTime(s.slotEnd)}`}
            sub='可以预约'
            testId='slot'
            value={s.slotStart}
            onPress={() => onPick(s.slotStart)}
          />
        ))}
      </ChoiceGrid>
      {full.length ? (
        <View className='t-small' data-testid='slot-full'>
          已约满：{full.map((s) => `${formatTime(s.slotStart)}–${formatTime(s.slotEnd)}`).join('，')}
        </View>
      ) : null}
    </View>
  )
}

export default SlotList
