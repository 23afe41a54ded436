/**
 * The order path's SQL, raw through mysql2 on one held connection of `database.batchPool`.
 * Why not drizzle here: `npm run bench` measures POST /api/orders, and query building plus one round trip
 * per statement made it CPU-bound (~12 statements an order). Here the statements go in four fixed batches.
 * Every statement is fixed text with `?` placeholders (mysql2 escapes the values): never user text in SQL.
 * Only SQL that MySQL 8, MariaDB 10.11 and TiDB share.
 */
import type { PoolConnection, ResultSetHeader, RowDataPacket } from 'mysql2/promise'
import type { HoursKind, ServiceCategory, Tier } from '@carecircle/shared'
import type { BookingElder } from './plan-booking'

type Row = RowDataPacket & Record<string, any>
const ACTIVE = "'created','assigned','accepted','in_service','unassigned'"

/** Claims the key (INSERT IGNORE: 0 rows when it is taken) and reads the elder with the caller's consent link. */
export async function claimAndReadElder(conn: PoolConnection, k: { userId: number; key: string; hash: string; expiresAt: Date }, elderId: number) {
  const [res] = await conn.query(
    `INSERT IGNORE INTO idempotency_keys (user_id, idem_key, request_hash, state, expires_at) VALUES (?, ?, ?, 'running', ?);
     SELECT e.id, e.user_id AS userId, e.name, e.phone, e.address, e.home_lat AS homeLat, e.home_lng AS homeLng, e.tier,
            e.tier_verified_at AS tierVerifiedAt, l.id AS linkId
       FROM elders e LEFT JOIN family_links l ON l.elder_id = e.id AND l.family_user_id = ? AND l.revoked_at IS NULL
      WHERE e.id = ? LIMIT 1`,
    [k.userId, k.key, k.hash, k.expiresAt, k.userId, elderId],
  )
  const [claim, rows] = res as [ResultSetHeader, Row[]]
  return { claimed: claim.affectedRows === 1, elder: rows[0] as (BookingElder & { linkId: number | null }) | undefined }
}

/** Booked counts at one slot; missing rows are created in autocommit (see slots/take-slot.ts ensureSlotRows). */
export async function readBooked(conn: PoolConnection, stationIds: number[], category: ServiceCategory, slotStart: Date) {
  const out = new Map<string, number>()
  if (stationIds.length === 0) return out
  const [rows] = await conn.query<Row[]>('SELECT station_id AS stationId, booked FROM station_slots WHERE station_id IN (?) AND category = ? AND slot_start = ?', [stationIds, category, slotStart])
  for (const r of rows) out.set(`${r.stationId}|${slotStart.getTime()}`, r.booked)
  return out
}

export async function insertSlotRows(conn: PoolConnection, rows: { stationId: number; category: ServiceCategory; slotStart: Date; capacity: number }[]) {
  if (rows.length === 0) return
  await conn.query('INSERT IGNORE INTO station_slots (station_id, category, slot_start, capacity, booked) VALUES ?', [rows.map((r) => [r.stationId, r.category, r.slotStart, r.capacity, 0])])
}

const TAKE_SLOT = 'UPDATE station_slots SET booked = booked + 1, updated_at = ? WHERE station_id = ? AND category = ? AND slot_start = ? AND booked < capacity'

/**
 * Opens the transaction, locks the elder (one booking at a time per elder; guards duplicates and the week's
 * minutes) with this week's balance row and a duplicate check, then takes a place at the first station:
 * a conditional UPDATE under the row lock, so a slot is never oversold.
 * READ COMMITTED: no gap locks on orders_elder_idx, which made bookings of neighbouring elders deadlock on
 * their INSERT. Still correct: the duplicate check is its own statement, run after the elder lock is held, and
 * at this level each statement sees everything committed before it; only this path inserts an elder's balance
 * row, under that lock.
 */
export async function beginLockAndTake(conn: PoolConnection, q: { elderId: number; serviceId: number; slotStart: Date; weekStart: string; kind: string; stationId: number; category: ServiceCategory; now: Date }) {
  const [res] = await conn.query(
    `SET TRANSACTION ISOLATION LEVEL READ COMMITTED;
     START TRANSACTION;
     SELECT b.id AS balanceId, b.granted_minutes - b.used_minutes AS remaining
       FROM elders e LEFT JOIN hours_balances b ON b.elder_id = e.id AND b.week_start = ? AND b.kind = ?
      WHERE e.id = ? FOR UPDATE;
     SELECT o.id FROM orders o WHERE o.elder_id = ? AND o.service_id = ? AND o.slot_start = ? AND o.status IN (${ACTIVE}) LIMIT 1;
     ${TAKE_SLOT}`,
    [q.weekStart, q.kind, q.elderId, q.elderId, q.serviceId, q.slotStart, q.now, q.stationId, q.category, q.slotStart],
  )
  const [, , rows, dup, take] = res as [ResultSetHeader, ResultSetHeader, Row[], Row[], ResultSetHeader]
  const r = rows[0]
  return { dup: (dup[0]?.id as number | undefined) ?? null, balanceId: r.balanceId as number | null, remaining: r.remaining === null ? null : Number(r.remaining), took: take.affectedRows === 1 }
}

export async function takeSlot(conn: PoolConnection, stationId: number, category: ServiceCategory, slotStart: Date, now: Date) {
  const [res] = await conn.query<ResultSetHeader>(TAKE_SLOT, [now, stationId, category, slotStart])
  return res.affectedRows === 1
}

export interface OrderInsert {
  elderId: number; serviceId: number; stationId: number; bookedBy: number; slotStart: Date; priceVersionId: number; tier: Tier
  listPriceFen: number; tierPriceFen: number; subsidyFen: number; payableFen: number; hoursKind: HoursKind | null; hoursUsedMinutes: number
  priceExplanation: string; routeExplanation: string; distanceMeters: number | null; travelMinutes: number | null; note: string | null
}
export interface Minutes {
  /** Existing balance row, or the week's first booking: a new row granted this many minutes. */
  balance: { id: number } | { elderId: number; weekStart: string; kind: string; granted: number }
  used: number
  reason: string
}

/**
 * The order, its two events, the minutes (balance + ledger row) and the idempotency completion, then COMMIT:
 * one round trip. The stored response gets the new order id with JSON_SET.
 */
export async function insertOrderAndCommit(conn: PoolConnection, o: OrderInsert, actor: { userId: number; role: string; reason: string }, minutes: Minutes | null, key: { userId: number; key: string; body: string }, now: Date): Promise<number> {
  const sql: string[] = [
    `INSERT INTO orders (elder_id, service_id, station_id, booked_by, status, slot_start, price_version_id, tier, list_price_fen, tier_price_fen, subsidy_fen,
       payable_fen, hours_kind, hours_used_minutes, price_explanation, route_explanation, distance_meters, travel_minutes, declined_station_ids, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'assigned', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?)`,
    'SET @cc_order_id = LAST_INSERT_ID()',
    `INSERT INTO order_events (order_id, actor_user_id, actor_role, from_status, to_status, station_id, reason, at)
     VALUES (@cc_order_id, ?, ?, NULL, 'created', NULL, NULL, ?), (@cc_order_id, ?, ?, 'created', 'assigned', ?, ?, ?)`,
  ]
  const params: unknown[] = [
    o.elderId, o.serviceId, o.stationId, o.bookedBy, o.slotStart, o.priceVersionId, o.tier, o.listPriceFen, o.tierPriceFen, o.subsidyFen,
    o.payableFen, o.hoursKind, o.hoursUsedMinutes, o.priceExplanation, o.routeExplanation, o.distanceMeters, o.travelMinutes, o.note, now, now,
    actor.userId, actor.role, now, actor.userId, actor.role, o.stationId, actor.reason, now,
  ]
  if (minutes) {
    const b = minutes.balance
    if ('id' in b) {
      sql.push('UPDATE hours_balances SET used_minutes = used_minutes + ?, updated_at = ? WHERE id = ?')
      params.push(minutes.used, now, b.id)
    } else {
      // First booking of the week: the elder lock makes this insert race-free.
      sql.push('INSERT INTO hours_balances (elder_id, week_start, kind, granted_minutes, used_minutes) VALUES (?, ?, ?, ?, ?)')
      params.push(b.elderId, b.weekStart, b.kind, b.granted, minutes.used)
    }
    if (minutes.used > 0) {
      sql.push(`INSERT INTO hours_ledger (balance_id, order_id, delta_minutes, reason, at) VALUES (${'id' in b ? '?' : 'LAST_INSERT_ID()'}, @cc_order_id, ?, ?, ?)`)
      params.push(...('id' in b ? [b.id] : []), -minutes.used, minutes.reason, now)
    }
  }
  sql.push(
    `UPDATE idempotency_keys SET state = 'done', response_status = 201, response_body = JSON_SET(?, '$.id', @cc_order_id), updated_at = ? WHERE user_id = ? AND idem_key = ?`,
    'COMMIT',
  )
  params.push(key.body, now, key.userId, key.key)
  const [res] = await conn.query(sql.join(';\n'), params)
  return (res as ResultSetHeader[])[0].insertId
}

/** After ROLLBACK: a 4xx outcome is stored for replay, anything else frees the key. */
export async function finishKey(conn: PoolConnection, k: { userId: number; key: string }, outcome: { status: number; body: string } | null, now: Date) {
  if (outcome) await conn.query(`UPDATE idempotency_keys SET state = 'done', response_status = ?, response_body = ?, updated_at = ? WHERE user_id = ? AND idem_key = ?`, [outcome.status, outcome.body, now, k.userId, k.key])
  else await conn.query('DELETE FROM idempotency_keys WHERE user_id = ? AND idem_key = ?', [k.userId, k.key])
}
