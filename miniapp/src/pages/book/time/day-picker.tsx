import { useEffect, useRef } from 'react'
import { Text, View } from '@tarojs/components'
import { Choice } from '../../../components/choice'
import { dayLabel } from '../../../lib/time'
import { DAYS, type SkippedDay } from './use-day-slots'
import './index.css'

export interface DayPickerProps {
  /** "2. " when the elder was step 1. */
  step: string
  days: string[]
  day: string
  onPick: (day: string) => void
}

/**
 * The week as one row of day buttons that scrolls sideways (the next day peeks in at the edge): seven days stacked
 * in 长辈版 pushed the first time a screen and a half down. The chosen day is scrolled into the row on H5.
 */
export function DayPicker({ step, days, day, onPick }: DayPickerProps) {
  const strip = useRef<HTMLElement | null>(null)
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || !strip.current) return
    const chosen = strip.current.querySelector<HTMLElement>(`[data-value="${day}"]`)
    if (chosen) strip.current.scrollLeft = Math.max(0, chosen.offsetLeft - strip.current.offsetLeft - 16)
  }, [day, days.length])
  return (
    <>
      <View className='section-title days'>{step}选哪一天</View>
      <View className='day-strip' ref={strip as never} role='group' aria-label='选哪一天（左右滑动看更多天）'>
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
      </View>
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
