import { and, desc, eq, inArray } from 'drizzle-orm'
import { HOURS_KINDS, balanceText, businessDayStart, toBusinessIso, weekWord, type HoursResponse } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { elderFor, type ElderRow } from '../access/elder-access'
import { hoursBalances, hoursLedger } from '../db/schema'
import { weeklyGrant, weekStartOf } from '../pricing/hours-policy'
import { effectiveTier } from './effective-tier'
import { toElderTier } from './tier-view'

/**
 * 我的补贴: the tier and why, the week's minutes per kind and every movement of them. A week nothing has moved
 * yet shows what will be granted (no rows: the sum of an empty ledger is what is left of a week not begun).
 */
export async function getHours(deps: AppDeps, auth: Auth, elderId: number, week?: string): Promise<HoursResponse> {
  const e = await elderFor(deps, auth, elderId, 'read')
  const now = deps.clock()
  const weekStart = weekStartOf(week ? businessDayStart(week) : now)
  return hoursOf(deps, auth, e, weekStart, now)
}

export async function hoursOf(deps: AppDeps, auth: Auth, e: ElderRow, weekStart: string, now: Date): Promise<HoursResponse> {
  const db = deps.database.db
  const rows = await db.select().from(hoursBalances).where(and(eq(hoursBalances.elderId, e.id), eq(hoursBalances.weekStart, weekStart)))
  const ledger = rows.length
    ? await db.select().from(hoursLedger).where(inArray(hoursLedger.balanceId, rows.map((r) => r.id))).orderBy(desc(hoursLedger.at), desc(hoursLedger.id))
    : []
  const tier = effectiveTier(e, now).tier
  const kindOf = new Map(rows.map((r) => [r.id, r.kind]))
  const week = weekWord(weekStart, weekStartOf(now)) ?? '这一周'
  return {
    elderId: e.id,
    weekStart,
    tier: toElderTier(e, auth, now),
    balances: HOURS_KINDS.map((kind) => {
      const row = rows.find((r) => r.kind === kind)
      const granted = row ? row.grantedMinutes : weeklyGrant(deps.config.hours, tier, kind, e)
      const used = row?.usedMinutes ?? 0
      return { kind, grantedMinutes: granted, usedMinutes: used, remainingMinutes: granted - used, text: balanceText(kind, granted, used, week) }
    }),
    ledger: ledger.map((l) => ({ id: l.id, at: toBusinessIso(l.at), kind: kindOf.get(l.balanceId)!, movement: l.movement, deltaMinutes: l.deltaMinutes, reason: l.reason, orderId: l.orderId })),
    weeklyGrant: {
      housekeepingMinutes: weeklyGrant(deps.config.hours, tier, 'housekeeping', e),
      medicalMinutes: weeklyGrant(deps.config.hours, tier, 'medical', e),
      overridden: e.weeklyHousekeepingMinutes !== null || e.weeklyMedicalMinutes !== null,
    },
  }
}
