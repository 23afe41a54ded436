import { and, eq, gt, sql } from 'drizzle-orm'
import type { ServiceCategory } from '@carecircle/shared'
import { violatedConstraint, type Tx } from '../db/tx'
import { stationSlots } from '../db/schema'

export interface SlotKey {
  stationId: number
  category: ServiceCategory
  slotStart: Date
}

/**
 * Takes one place, creating the slot's row on its first booking; past capacity the CHECK
 * station_slots_booked_within_capacity refuses it (only this statement is undone) and this returns false.
 * The booking's write batch (orders/booking-sql.ts) takes its place with the same statement.
 */
export async function takePlace(tx: Tx, key: SlotKey & { capacity: number }, now: Date): Promise<boolean> {
  try {
    await tx.insert(stationSlots).values({ ...key, booked: 1, createdAt: now, updatedAt: now }).onDuplicateKeyUpdate({ set: { booked: sql`${stationSlots.booked} + 1`, updatedAt: now } })
    return true
  } catch (e) {
    if (violatedConstraint(e) === 'station_slots_booked_within_capacity') return false
    throw e
  }
}

export async function releaseSlot(tx: Tx, key: SlotKey): Promise<void> {
  await tx
    .update(stationSlots)
    .set({ booked: sql`${stationSlots.booked} - 1` })
    .where(and(eq(stationSlots.stationId, key.stationId), eq(stationSlots.category, key.category), eq(stationSlots.slotStart, key.slotStart), gt(stationSlots.booked, 0)))
}
