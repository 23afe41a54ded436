import { toBusinessIso } from '@carecircle/shared'

/**
 * "现在起": the next whole minute at least a minute away, so the request still reaches the server before it
 * (the server refuses a time already past) and the board says a time people can read.
 */
export function soonest(now: number = Date.now()): string {
  return toBusinessIso(new Date(Math.ceil((now + 60_000) / 60_000) * 60_000))
}

/** A day (YYYY-MM-DD) and a time (HH:MM) chosen on the pickers, in business time. */
export function chosenTime(date: string, time: string): string {
  return `${date}T${time}:00+08:00`
}

/** Null when the time can be published; otherwise why not, in words. */
export function effectiveProblem(iso: string, now: number = Date.now()): string | null {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return '请选择生效的日期和时间'
  if (ms < now) return '这个时间已经过去了。已经公示的价格不能改，请选现在以后的时间'
  return null
}
