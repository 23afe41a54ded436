import type { HoursMovement } from '@carecircle/shared'

/** One week's minutes of one kind: granted (grant + adjustments) and used (uses − refunds). */
export interface WeekMinutes {
  granted: number
  used: number
}

export type Movement = { movement: HoursMovement; minutes: number }
export type Moved = { ok: true; week: WeekMinutes; deltaMinutes: number } | { ok: false; reason: string }

/**
 * The ledger's rule, pure: every movement keeps 0 ≤ used ≤ granted, so the minutes left (granted − used,
 * which is also the sum of the ledger's deltas) never go below zero. A grant happens once, on an empty week.
 * `minutes` is positive for grant/use/refund; an adjustment may be either sign.
 */
export function applyMovement(w: WeekMinutes, m: Movement): Moved {
  const left = w.granted - w.used
  switch (m.movement) {
    case 'grant':
      if (m.minutes < 0) return { ok: false, reason: '发放的时长不能为负' }
      if (w.granted !== 0 || w.used !== 0) return { ok: false, reason: '本周已经发放过' }
      return { ok: true, week: { granted: m.minutes, used: 0 }, deltaMinutes: m.minutes }
    case 'use':
      if (m.minutes <= 0) return { ok: false, reason: '使用的时长应大于 0' }
      if (m.minutes > left) return { ok: false, reason: `本周只剩 ${left} 分钟` }
      return { ok: true, week: { granted: w.granted, used: w.used + m.minutes }, deltaMinutes: -m.minutes }
    case 'refund':
      if (m.minutes <= 0) return { ok: false, reason: '退回的时长应大于 0' }
      if (m.minutes > w.used) return { ok: false, reason: '退回的时长不能超过已使用的' }
      return { ok: true, week: { granted: w.granted, used: w.used - m.minutes }, deltaMinutes: m.minutes }
    case 'adjust':
      if (m.minutes === 0) return { ok: false, reason: '调整的时长不能为 0' }
      if (w.granted + m.minutes < w.used) return { ok: false, reason: `本周只剩 ${left} 分钟，最多减少 ${left} 分钟` }
      return { ok: true, week: { granted: w.granted + m.minutes, used: w.used }, deltaMinutes: m.minutes }
  }
}
