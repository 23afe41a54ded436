import { Text, View } from '@tarojs/components'
import type { BookableSlot } from '@carecircle/shared'
import { Choice, ChoiceGrid } from '../../../components/choice'
import { formatTime } from '../../../lib/time'
import { dayReason, SLOT_STATUS_WORDS } from '../../../lib/slot-reasons'

export interface SlotListProps {
  slots: BookableSlot[]
  onPick: (slotStart: string) => void
  /** A time the elder already holds opens that order instead of booking it again. */
  onOpenOrder: (orderId: number) => void
}

const span = (s: BookableSlot) => `${formatTime(s.slotStart)}–${formatTime(s.slotEnd)}`
/** Times in a sentence, each kept on one line. */
const spans = (list: BookableSlot[]) =>
  list.map((s, i) => (
    <Text key={s.slotStart} className='num'>
      {span(s)}
      {i < list.length - 1 ? '，' : ''}
    </Text>
  ))

/**
 * Times to book as big buttons; a time the elder already holds says "已预约" in words and opens that order; a time
 * another of their visits takes stays in its place, greyed and not tappable, saying which visit in words;
 * other times that cannot be booked are listed as text under their true reason (约满 / 驿站不上门; the hours nobody
 * works only beside times that can be tapped, else the day's reason says it). Past times are left out.
 */
export function SlotList({ slots, onPick, onOpenOrder }: SlotListProps) {
  const tappable = slots.filter((s) => s.status === 'open' || s.status === 'held' || s.status === 'overlaps')
  const full = slots.filter((s) => s.status === 'full')
  const closed = slots.filter((s) => s.status === 'closed')
  return (
    <View className='stack'>
      {tappable.some((s) => s.status === 'open') ? null : (
        <View className='notice warn' data-testid='day-reason'>
          这一天没有可以预约的时间：{dayReason(slots)}。请点上面换一天。
        </View>
      )}
      {tappable.length ? (
        <ChoiceGrid>
          {tappable.map((s) =>
            s.status === 'overlaps' ? (
              <Choice
                key={s.slotStart}
                label={<View className='num'>{span(s)}</View>}
                sub={`✕ 不能约：${s.reason ?? SLOT_STATUS_WORDS.overlaps}`}
                disabled
                testId='slot-overlaps'
                value={s.slotStart}
                onPress={() => undefined}
              />
            ) : s.status === 'held' && s.heldOrderId !== null ? (
              <Choice
                key={s.slotStart}
                label={<View className='num'>{span(s)}</View>}
                sub='✓ 您已预约，点这里看订单'
                variant='held'
                testId='slot-held'
                value={s.slotStart}
                onPress={() => onOpenOrder(s.heldOrderId as number)}
              />
            ) : (
              <Choice key={s.slotStart} label={<View className='num'>{span(s)}</View>} sub='可以预约' testId='slot' value={s.slotStart} onPress={() => onPick(s.slotStart)} />
            ),
          )}
        </ChoiceGrid>
      ) : null}
      {full.length ? (
        <View className='t-small' data-testid='slot-full'>
          已约满（附近驿站这个时间都没有空）：{spans(full)}
        </View>
      ) : null}
      {closed.length && tappable.length ? (
        <View className='t-small' data-testid='slot-closed'>
          附近驿站这个时间不上门：{spans(closed)}
        </View>
      ) : null}
    </View>
  )
}

export default SlotList
