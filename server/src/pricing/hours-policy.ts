import type { HoursKind, Tier } from '@carecircle/shared'
import { BUSINESS_UTC_OFFSET_MINUTES } from '@carecircle/shared'

/** City- or district-specific rules sit behind this interface; the default is seed 004 (Xiamen Siming). */
export interface HoursPolicy {
  /** Government-purchased minutes a week for an elder of this tier. */
  weeklyMinutes(tier: Tier, kind: HoursKind): number
}

export const DEFAULT_HOURS_POLICY: HoursPolicy = {
  weeklyMinutes(tier, kind) {
    if (tier === 'paid') return 0
    return kind === 'housekeeping' ? 180 : 60 // at least 4 h a week: 3 h 家政 + 1 h 医疗
  },
}

/** Monday (YYYY-MM-DD, Asia/Shanghai) of the week an instant falls in: balances reset Monday 00:00. */
export function weekStartOf(at: Date): string {
  const local = new Date(at.getTime() + BUSINESS_UTC_OFFSET_MINUTES * 60_000)
  const dow = (local.getUTCDay() + 6) % 7 // Monday = 0
  const monday = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - dow))
  return monday.toISOString().slice(0, 10)
}
