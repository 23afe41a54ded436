import { and, eq, gt, sql } from 'drizzle-orm'
import type { ServiceCategory } from '@carecircle/shared'
import type { Db } from '../db/client'
import type { Tx } from '../db/tx'
import { stationSlots } from '../db/schema'

export interface SlotKey {
  stationId: number
  category: ServiceCategory
  slotStart: Date
}

/**
 * Creates missing slot rows in autocommit before the booking transaction: inside it an INSERT IGNORE
 * would take a shared lock that two bookers then both try to upgrade — a deadlock.
 */
export async function ensureSlotRows(db: Db, slots: (SlotKey & { capacity: number })[]) {
  if (slots.length === 0) return
  await db.insert(stationSlots).ignore().values(slots.map((s) => ({ ...s, booked: 0 })))
}

/** Takes one place if there is room: one conditional UPDATE, so a slot is never oversold. */
export async function takeSlot(tx: Tx, key: SlotKey): Promise<boolean> {
  const [res] = await tx
    .update(stationSlots)
    .set({ booked: sql`${stationSlots.booked} + 1` })
    .where(and(eq(stationSlots.stationId, key.stationId), eq(stationSlots.category, key.category), eq(stationSlots.slotStart, key.slotStart), sql`${stationSlots.booked} < ${stationSlots.capacity}`))
  return res.affectedRows === 1
}

export async function releaseSlot(tx: Tx, key: SlotKey): Promise<void> {
  await tx
    .update(stationSlots)
    .set({ booked: sql`${stationSlots.booked} - 1` })
    .where(and(eq(stationSlots.stationId, key.stationId), eq(stationSlots.category, key.category), eq(stationSlots.slotStart, key.slotStart), gt(stationSlots.booked, 0)))
}
