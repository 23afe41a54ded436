import { and, eq, sql } from 'drizzle-orm'
import type { HoursKind, Tier } from '@carecircle/shared'
import type { Db } from '../db/client'
import type { Tx } from '../db/tx'
import { hoursBalances, hoursLedger } from '../db/schema'
import { DEFAULT_HOURS_POLICY, weekStartOf, type HoursPolicy } from './hours-policy'

/** Minutes left this week without locking (for quotes); the booking transaction re-reads under lock. */
export async function peekHoursRemaining(db: Db, elderId: number, tier: Tier, kind: HoursKind | null, slotStart: Date, policy: HoursPolicy = DEFAULT_HOURS_POLICY): Promise<number> {
  if (!kind) return 0
  const [b] = await db
    .select()
    .from(hoursBalances)
    .where(and(eq(hoursBalances.elderId, elderId), eq(hoursBalances.weekStart, weekStartOf(slotStart)), eq(hoursBalances.kind, kind)))
  return b ? b.grantedMinutes - b.usedMinutes : policy.weeklyMinutes(tier, kind)
}

/** Moves minutes and writes the ledger row that makes them traceable to the order. delta < 0 consumes. */
export async function moveMinutes(tx: Tx, balanceId: number, orderId: number, deltaMinutes: number, reason: string, at: Date) {
  if (deltaMinutes === 0) return
  await tx.update(hoursBalances).set({ usedMinutes: sql`${hoursBalances.usedMinutes} - ${deltaMinutes}` }).where(eq(hoursBalances.id, balanceId))
  await tx.insert(hoursLedger).values({ balanceId, orderId, deltaMinutes, reason, at })
}
