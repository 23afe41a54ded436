import type { BookableSlot, BookableSlotStatus } from '@carecircle/shared'

/** Why a time cannot be booked, in plain words (never "约满" unless the stations really are full). */
export const SLOT_STATUS_WORDS: Record<Exclude<BookableSlotStatus, 'open'>, string> = {
  held: '您已经预约了',
  full: '附近驿站都约满了',
  closed: '附近驿站这个时间不上门',
  past: '时间已过',
  overlaps: '和已约的服务时间冲突',
}

const ORDER: Exclude<BookableSlotStatus, 'open'>[] = ['held', 'overlaps', 'full', 'past', 'closed']

/**
 * The true reason a day has no time left to book, from what the server said of each slot:
 * "时间已过", "附近驿站都约满了", "附近驿站都约满了，或时间已过"; a day with no time or only closed ones
 * is "附近驿站这天不上门做这项服务".
 */
export function dayReason(slots: Pick<BookableSlot, 'status'>[]): string {
  const seen = ORDER.filter((st) => slots.some((s) => s.status === st))
  if (seen.every((st) => st === 'closed')) return '附近驿站这天不上门做这项服务'
  return seen.map((st) => SLOT_STATUS_WORDS[st]).join('，或')
}
