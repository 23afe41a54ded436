import { businessDayStart, BUSINESS_UTC_OFFSET_MINUTES } from '@carecircle/shared'

/** A station's capacity rule for one category, in local minutes of the day. */
export interface CapacityRule {
  stationId: number
  openMinute: number
  closeMinute: number
  slotMinutes: number
  capacity: number
}

export interface SlotTime {
  start: Date
  end: Date
  capacity: number
}

/** Every slot a set of rules opens on a business day, ordered by start. Pure. */
export function slotsForDay(rules: CapacityRule[], date: string): SlotTime[] {
  const midnight = businessDayStart(date).getTime()
  const out: SlotTime[] = []
  for (const r of rules) {
    for (let m = r.openMinute; m + r.slotMinutes <= r.closeMinute; m += r.slotMinutes) {
      out.push({ start: new Date(midnight + m * 60_000), end: new Date(midnight + (m + r.slotMinutes) * 60_000), capacity: r.capacity })
    }
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime())
}

/** Local minute of the business day of an instant (0–1439). */
export function localMinuteOfDay(at: Date): number {
  const minutes = Math.floor(at.getTime() / 60_000) + BUSINESS_UTC_OFFSET_MINUTES
  return ((minutes % 1440) + 1440) % 1440
}

/** The rule under which `slotStart` is a real slot start, or null (off-grid or outside opening hours). */
export function ruleForSlot<R extends CapacityRule>(rules: R[], slotStart: Date): R | null {
  if (slotStart.getTime() % 60_000 !== 0) return null
  const m = localMinuteOfDay(slotStart)
  return rules.find((r) => m >= r.openMinute && m + r.slotMinutes <= r.closeMinute && (m - r.openMinute) % r.slotMinutes === 0) ?? null
}

/** How soon a slot may be booked: the station needs some notice to send someone. */
export const BOOKING_LEAD_MINUTES = 30
/** How far ahead residents may book. */
export const BOOKING_HORIZON_DAYS = 14

export function isBookableTime(slotStart: Date, now: Date): boolean {
  const t = slotStart.getTime()
  return t >= now.getTime() + BOOKING_LEAD_MINUTES * 60_000 && t <= now.getTime() + BOOKING_HORIZON_DAYS * 86_400_000
}
