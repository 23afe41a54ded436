import { businessDate, formatDateTime, formatTime } from './time'

/**
 * When an invitation code stops working, in words: "明天 10:30 前有效" / "今天 22:00 前有效".
 * `now` is given so the words can be tested.
 */
export function expiryText(expiresAt: string, now: number = Date.now()): string {
  const at = Date.parse(expiresAt)
  if (Number.isNaN(at)) return '24 小时内有效'
  if (at <= now) return '已经过期，请重新生成'
  const day = businessDate(0, at)
  const which = day === businessDate(0, now) ? '今天' : day === businessDate(1, now) ? '明天' : null
  return which ? `${which} ${formatTime(expiresAt)} 前有效，只能用一次` : `${formatDateTime(expiresAt)} 前有效，只能用一次`
}

/** "2026-11" for the business month `offset` months from the one containing `now`. */
export function businessMonth(offset = 0, now: number = Date.now()): string {
  const [y, m] = businessDate(0, now).split('-').map(Number)
  const total = y * 12 + (m - 1) + offset
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`
}

/** "2026-11" → "11月" (the year only when it is not this year). */
export function monthLabel(month: string, now: number = Date.now()): string {
  const [y, m] = month.split('-').map(Number)
  return y === Number(businessDate(0, now).slice(0, 4)) ? `${m}月` : `${y}年${m}月`
}

/** A typed code: digits only, at most 8 (people paste "123 456" or "邀请码：123456"). */
export function cleanCode(text: string): string {
  return text.replace(/\D/g, '').slice(0, 8)
}

/** The code a scanned QR carries: the payload is the bind page's path, `pages/family/bind/index?code=123456`. */
export function codeFromScan(result: string): string | null {
  const m = /[?&]code=(\d{6}|\d{8})(?:&|$)/.exec(result) ?? /^\s*(\d{6}|\d{8})\s*$/.exec(result)
  return m ? m[1] : null
}

/** "1 2 3 4 5 6" for screen readers, so the code is read digit by digit, not as a number. */
export function spokenDigits(code: string): string {
  return code.split('').join(' ')
}
