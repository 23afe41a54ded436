import { and, eq, sql } from 'drizzle-orm'
import type { HoursKind, HoursMovement } from '@carecircle/shared'
import type { Db } from '../db/client'
import type { Tx } from '../db/tx'
import { hoursBalances, hoursLedger } from '../db/schema'
import { weeklyGrant, weekStartOf, type GrantOverride, type HoursPolicy } from './hours-policy'
import type { Tier } from '@carecircle/shared'

type Granted = { id: number; tier: Tier } & Partial<GrantOverride>

/** Minutes left this week without locking (for quotes); the booking's write re-checks them. */
export async function peekHoursRemaining(db: Db, elder: Granted, kind: HoursKind | null, slotStart: Date, policy: HoursPolicy): Promise<number> {
  if (!kind) return 0
  const [b] = await db
    .select()
    .from(hoursBalances)
    .where(and(eq(hoursBalances.elderId, elder.id), eq(hoursBalances.weekStart, weekStartOf(slotStart)), eq(hoursBalances.kind, kind)))
  return b ? b.grantedMinutes - b.usedMinutes : weeklyGrant(policy, elder.tier, kind, elder)
}

/**
 * The week's balance row of one kind, locked, created with its grant (a ledger row of its own) if this is the
 * week's first movement. Two callers creating it at once: the unique key keeps one, and both read that one.
 */
export async function lockWeek(tx: Tx, elder: Granted, weekStart: string, kind: HoursKind, policy: HoursPolicy, at: Date) {
  const where = and(eq(hoursBalances.elderId, elder.id), eq(hoursBalances.weekStart, weekStart), eq(hoursBalances.kind, kind))
  const [existing] = await tx.select().from(hoursBalances).where(where).for('update')
  if (existing) return existing
  const granted = weeklyGrant(policy, elder.tier, kind, elder)
  const [res] = await tx.insert(hoursBalances).ignore().values({ elderId: elder.id, weekStart, kind, grantedMinutes: granted, usedMinutes: 0 })
  if (res.affectedRows === 1 && granted > 0) {
    await tx.insert(hoursLedger).values({ balanceId: res.insertId, movement: 'grant', orderId: null, deltaMinutes: granted, reason: '每周发放', at })
  }
  const [row] = await tx.select().from(hoursBalances).where(where).for('update')
  return row
}

/** Moves an order's minutes and writes the ledger row that makes them traceable to it. delta < 0 consumes. */
export async function moveMinutes(tx: Tx, balanceId: number, orderId: number, deltaMinutes: number, reason: string, at: Date, movement: HoursMovement = deltaMinutes < 0 ? 'use' : 'refund') {
  if (deltaMinutes === 0) return
  await tx.update(hoursBalances).set({ usedMinutes: sql`${hoursBalances.usedMinutes} - ${deltaMinutes}` }).where(eq(hoursBalances.id, balanceId))
  await tx.insert(hoursLedger).values({ balanceId, movement, orderId, deltaMinutes, reason, at })
}
