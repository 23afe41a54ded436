import type { HoursKind, Tier } from '@carecircle/shared'
import { BUSINESS_UTC_OFFSET_MINUTES } from '@carecircle/shared'

/** A district's weekly purchased minutes for `free` and `low` elders (seed 004: at least 3 h 家政 + 1 h 医疗). */
export interface HoursPolicy {
  housekeepingMinutes: number
  medicalMinutes: number
}

export const DEFAULT_HOURS_POLICY: HoursPolicy = { housekeepingMinutes: 180, medicalMinutes: 60 }

/** A supervisor's weekly grant for one elder, per kind; null means the district's. */
export interface GrantOverride {
  weeklyHousekeepingMinutes: number | null
  weeklyMedicalMinutes: number | null
}

/** The minutes an elder is granted for a week of this kind: none for `paid`, else the elder's own or the district's. */
export function weeklyGrant(policy: HoursPolicy, tier: Tier, kind: HoursKind, own?: Partial<GrantOverride>): number {
  if (tier === 'paid') return 0
  const mine = kind === 'housekeeping' ? own?.weeklyHousekeepingMinutes : own?.weeklyMedicalMinutes
  return mine ?? (kind === 'housekeeping' ? policy.housekeepingMinutes : policy.medicalMinutes)
}

/** Monday (YYYY-MM-DD, Asia/Shanghai) of the week an instant falls in: balances reset Monday 00:00. */
export function weekStartOf(at: Date): string {
  const local = new Date(at.getTime() + BUSINESS_UTC_OFFSET_MINUTES * 60_000)
  const dow = (local.getUTCDay() + 6) % 7 // Monday = 0
  const monday = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - dow))
  return monday.toISOString().slice(0, 10)
}
