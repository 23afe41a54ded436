import { BUSINESS_UTC_OFFSET_MINUTES } from '@carecircle/shared'

// Everything a person sees is in Asia/Shanghai. Intl time zones are not reliable in every WeChat
// runtime, so shift by the fixed +08:00 offset (China has no daylight saving) and read UTC fields.
const OFFSET_MS = BUSINESS_UTC_OFFSET_MINUTES * 60 * 1000
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

const pad = (n: number) => String(n).padStart(2, '0')

function shanghai(ms: number): Date {
  return new Date(ms + OFFSET_MS)
}

/** "2026-11-23" for the business day `offsetDays` after the one containing `now`. */
export function businessDate(offsetDays = 0, now: number = Date.now()): string {
  const d = shanghai(now + offsetDays * 86400000)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** ISO instant → its Asia/Shanghai calendar parts; a bare "YYYY-MM-DD" is taken as that day. */
function parts(iso: string): { y: number; m: number; d: number; hh: number; mm: number; wd: number } | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  const ms = day ? Date.UTC(+day[1], +day[2] - 1, +day[3]) - OFFSET_MS : Date.parse(iso)
  if (Number.isNaN(ms)) return null
  const d = shanghai(ms)
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), hh: d.getUTCHours(), mm: d.getUTCMinutes(), wd: d.getUTCDay() }
}

/** "2026年11月23日" */
export function formatDateCn(iso: string): string {
  const p = parts(iso)
  return p ? `${p.y}年${p.m}月${p.d}日` : iso
}

/** "2027年1月1日 00:00": for dates that may be in another year (price versions, their start times). */
export function formatDateTimeCn(iso: string): string {
  return `${formatDateCn(iso)} ${formatTime(iso)}`
}

/** "09:00" */
export function formatTime(iso: string): string {
  const p = parts(iso)
  return p ? `${pad(p.hh)}:${pad(p.mm)}` : iso
}

/** "11月24日 周二 09:00" */
export function formatDateTime(iso: string): string {
  const p = parts(iso)
  return p ? `${p.m}月${p.d}日 ${WEEKDAYS[p.wd]} ${pad(p.hh)}:${pad(p.mm)}` : iso
}

/** Label of a day button: "今天 11月23日 周一". */
export function dayLabel(date: string, offsetDays: number): { name: string; date: string } {
  const p = parts(date)
  const name = offsetDays === 0 ? '今天' : offsetDays === 1 ? '明天' : offsetDays === 2 ? '后天' : p ? WEEKDAYS[p.wd] : ''
  const sub = p ? `${p.m}月${p.d}日${offsetDays <= 2 ? ` ${WEEKDAYS[p.wd]}` : ''}` : date
  return { name, date: sub }
}
