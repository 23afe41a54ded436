import Taro from '@tarojs/taro'
import type { ElderSummary } from '@carecircle/shared'

const KEY = 'cc.lastElderId'

/** The elder this person booked for last time (a family member with several parents starts there). */
export function getLastElderId(): number | null {
  try {
    const v = Taro.getStorageSync(KEY)
    return typeof v === 'number' && v > 0 ? v : null
  } catch {
    return null
  }
}

export function saveLastElderId(id: number): void {
  Taro.setStorageSync(KEY, id)
}

/**
 * Whose visit the booking starts on: the only bookable elder, else the last one booked for if still bound and
 * bookable, else nobody (the person picks). Pending profiles are never chosen: they cannot be booked yet.
 */
export function defaultElderId(elders: ElderSummary[], lastId: number | null): number | null {
  const bookable = elders.filter((e) => e.status === 'active')
  if (bookable.length === 1) return bookable[0].id
  if (lastId !== null && bookable.some((e) => e.id === lastId)) return lastId
  return null
}
