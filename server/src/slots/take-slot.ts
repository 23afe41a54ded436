import { and, eq, gt, sql } from 'drizzle-orm'
import type { ServiceCategory } from '@carecircle/shared'
import { violatedConstraint, type Tx } from '../db/tx'
import { stationSlots, stations } from '../db/schema'

export interface SlotKey {
  stationId: number
  category: ServiceCategory
  slotStart: Date
}

/**
 * Takes one place, creating the slot's row on its first booking; past capacity the CHECK
 * station_slots_booked_within_capacity refuses it, and a station that is not active (suspended by another process
 * its cache has not heard from) station_slots_station_open: only this statement is undone and this returns false.
 * The booking's write batch (orders/booking-sql.ts) takes its place with the same statements.
 */
export async function takePlace(tx: Tx, key: SlotKey & { capacity: number }, now: Date): Promise<boolean> {
  const open = sql`(SELECT ${stations.status} = 'active' FROM ${stations} WHERE ${stations.id} = ${key.stationId})`
  try {
    // MariaDB has no FOR SHARE; LOCK IN SHARE MODE is what both it and MySQL 8 accept.
    await tx.execute(sql`SELECT ${stations.id} FROM ${stations} WHERE ${stations.id} = ${key.stationId} LOCK IN SHARE MODE`)
    await tx
      .insert(stationSlots)
      .values({ ...key, booked: 1, stationOpen: open, createdAt: now, updatedAt: now })
      .onDuplicateKeyUpdate({ set: { booked: sql`${stationSlots.booked} + 1`, stationOpen: open, updatedAt: now } })
    return true
  } catch (e) {
    const refused = violatedConstraint(e)
    if (refused === 'station_slots_booked_within_capacity' || refused === 'station_slots_station_open') return false
    throw e
  }
}

export async function releaseSlot(tx: Tx, key: SlotKey): Promise<void> {
  await tx
    .update(stationSlots)
    .set({ booked: sql`${stationSlots.booked} - 1` })
    .where(and(eq(stationSlots.stationId, key.stationId), eq(stationSlots.category, key.category), eq(stationSlots.slotStart, key.slotStart), gt(stationSlots.booked, 0)))
}
