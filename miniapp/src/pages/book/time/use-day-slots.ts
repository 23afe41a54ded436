import { useEffect, useMemo, useState } from 'react'
import { fetchBookableSlots } from '../../../api'
import { useLoad } from '../../../lib/use-load'
import { businessDate } from '../../../lib/time'
import { dayReason } from '../../../lib/slot-reasons'

export const DAYS = 7

export interface SkippedDay {
  date: string
  index: number
  /** The true reason the day had no time to book (lib/slot-reasons). */
  reason: string
  /** Whether any of its times was only full or held (not just past or closed). */
  anyTaken: boolean
}

/**
 * The day shown and its slots. Until the person picks a day it starts on the first day that still has a time to
 * book (keeps booking at 3 taps) and remembers why each day before it was passed over; if no day of the week has
 * one it goes back to today and says so. Nothing is skipped when the home is outside every circle or no station
 * offers the service: those reasons are said instead of any time.
 */
export function useDaySlots(elderId: number | null, serviceId: number) {
  const days = useMemo(() => Array.from({ length: DAYS }, (_, i) => businessDate(i)), [])
  const [day, setDay] = useState(days[0])
  const [picked, setPicked] = useState(false)
  const [skipped, setSkipped] = useState<SkippedDay[]>([])
  const [noneThisWeek, setNoneThisWeek] = useState(false)
  const slots = useLoad(() => fetchBookableSlots(elderId as number, serviceId, day), [elderId, serviceId, day], elderId !== null && serviceId > 0)

  useEffect(() => {
    setDay(days[0])
    setPicked(false)
    setSkipped([])
    setNoneThisWeek(false)
  }, [elderId])

  useEffect(() => {
    const data = slots.data
    if (picked || !data || slots.loading || data.date !== day) return
    if (data.outsideCircle || !data.serviceOffered || data.slots.some((s) => s.available)) return
    const index = days.indexOf(day)
    if (index < 0) return
    setSkipped((list) => [...list, { date: day, index, reason: dayReason(data.slots), anyTaken: data.slots.some((s) => s.status === 'full' || s.status === 'held') }])
    if (index < DAYS - 1) {
      setDay(days[index + 1])
    } else {
      // Not one day of the week has a time: show today again, with its own reason, rather than the last day.
      setNoneThisWeek(true)
      setPicked(true)
      setDay(days[0])
    }
  }, [slots.data, slots.loading])

  const pickDay = (d: string) => {
    setPicked(true)
    setDay(d)
  }
  const data = !slots.loading && slots.data?.date === day ? slots.data : null
  // While days are still being passed over, show "looking" rather than a list that is about to change.
  const ready = !!data && (picked || !!data.outsideCircle || !data.serviceOffered || data.slots.some((s) => s.available))
  // A week with no time at all and none of it taken: no station works this service at any hour left this week.
  const weekReason = noneThisWeek && !skipped.some((s) => s.anyTaken) ? '附近驿站这几天都不上门做这项服务' : null
  return { days, day, pickDay, slots, data: ready ? data : null, skipped: ready && !picked ? skipped : [], noneThisWeek, weekReason }
}
