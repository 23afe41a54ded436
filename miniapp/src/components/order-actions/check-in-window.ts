import { useEffect, useState } from 'react'
import type { CheckInWindowTimes } from '@carecircle/shared'
import { dueText } from '../../lib/complaint-words'

export type CheckInPhase = 'early' | 'open' | 'closed'

/** The server's rule read from the order's window: open from opensAt through closesAt. */
export function checkInPhase(w: CheckInWindowTimes, now: number): CheckInPhase {
  if (now < Date.parse(w.opensAt)) return 'early'
  return now > Date.parse(w.closesAt) ? 'closed' : 'open'
}

/** Why the check-in button is off, in words: when it opens, or that it has closed and whom to tell. */
export function checkInWords(w: CheckInWindowTimes, phase: CheckInPhase, now: number): string | null {
  if (phase === 'early') return `还没到签到时间：${dueText(w.opensAt, now)} 起可以签到`
  if (phase === 'closed') return `签到时间已过（最晚 ${dueText(w.closesAt, now)}）。请告诉驿站负责人处理这一单。`
  return null
}

/** The phase now, and again at the minute it changes (so the button comes on when check-in opens). */
export function useCheckInPhase(w: CheckInWindowTimes, watching: boolean): { phase: CheckInPhase; now: number } {
  const [now, setNow] = useState(() => Date.now())
  const phase = checkInPhase(w, now)
  useEffect(() => {
    if (!watching || phase === 'closed') return undefined
    const next = Date.parse(phase === 'early' ? w.opensAt : w.closesAt) + (phase === 'open' ? 1 : 0) - Date.now()
    // Long waits are re-checked every hour: a timer that far ahead is not reliable on every runtime.
    const timer = setTimeout(() => setNow(Date.now()), Math.min(Math.max(next, 0), 3600_000))
    return () => clearTimeout(timer)
  }, [watching, phase, now, w.opensAt, w.closesAt])
  return { phase, now }
}
