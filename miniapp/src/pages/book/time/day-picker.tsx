import { Text, View } from '@tarojs/components'
import { Choice, ChoiceGrid } from '../../../components/choice'
import { dayLabel } from '../../../lib/time'
import { DAYS, type SkippedDay } from './use-day-slots'

export interface DayPickerProps {
  /** "2. " when the elder was step 1. */
  step: string
  days: string[]
  day: string
  onPick: (day: string) => void
}

export function DayPicker({ step, days, day, onPick }: DayPickerProps) {
  return (
    <>
      <View className='section-title'>{step}选哪一天</View>
      <ChoiceGrid>
        {days.map((d, i) => {
          const label = dayLabel(d, i)
          // "12月2日 周三" may break between the date and the weekday, never inside either.
          const sub = label.date.split(' ').map((part, k) => (
            <Text key={k} className='nowrap'>
              {k ? ' ' : ''}
              {part}
            </Text>
          ))
          return <Choice key={d} label={label.name} sub={sub} selected={d === day} testId='day' value={d} onPress={() => onPick(d)} />
        })}
      </ChoiceGrid>
    </>
  )
}

export interface DayNoticesProps {
  days: string[]
  day: string
  skipped: SkippedDay[]
  noneThisWeek: boolean
  /** The one reason every day of the week gave, if they all gave the same. */
  weekReason: string | null
}

/** Why the page shows this day: the days passed over each with their own true reason, or "none this week". */
export function DayNotices({ days, day, skipped, noneThisWeek, weekReason }: DayNoticesProps) {
  if (noneThisWeek) {
    return (
      <View className='notice warn' data-testid='week-none'>
        接下来 {DAYS} 天都没有可以预约的时间{weekReason ? `：${weekReason}` : '，每天的原因请点那一天查看'}。需要帮助请拨打 12349。
      </View>
    )
  }
  if (skipped.length === 0) return null
  const shown = dayLabel(day, days.indexOf(day))
  return (
    <View className='notice' data-testid='day-skipped'>
      {skipped.map((s) => `${dayLabel(s.date, s.index).name}没有可以预约的时间：${s.reason}。`).join('')}
      已为您显示最近还能约的一天：{shown.name} {shown.date}。
    </View>
  )
}
