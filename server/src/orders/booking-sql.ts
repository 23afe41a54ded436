/**
 * The order path's SQL, raw through mysql2 on one held connection of `database.batchPool`.
 * Why not drizzle here: `npm run bench` measures POST /api/orders, and on these machines every round trip
 * and every statement costs CPU on both sides. A booking is three round trips: read (the key, the elder, the
 * week's minutes), read the slots' loads, then one write batch that commits or fails as a whole.
 * The write batch needs no locking reads: every rule it must not break is a constraint that refuses the
 * write (see violatedGuard), and the caller prices again and retries.
 * Every statement is fixed text with `?` placeholders (mysql2 escapes the values): never user text in SQL.
 * Only SQL that MySQL 8, MariaDB 10.11 and TiDB share.
 */
import type { PoolConnection, ResultSetHeader, RowDataPacket } from 'mysql2/promise'
import type { HoursKind, OrderChannel, Role, ServiceCategory, Tier, VisitSpan } from '@carecircle/shared'
import { violatedConstraint } from '../db/tx'
import { firstClash, type VisitFacts } from './visit-overlap'
import type { BookingElder } from './plan-booking'
import type { StoredKey } from './idempotency'
import { RECIPIENTS_SQL, toRecipients } from '../notifications/elder-followers'

type Row = RowDataPacket & Record<string, any>

/** This week's purchased-minutes row of one kind, as read. */
export interface Balance {
  id: number
  grantedMinutes: number
  usedMinutes: number
}

const KEY_COLUMNS = 'request_hash AS requestHash, response_status AS responseStatus, response_body AS responseBody, order_id AS orderId, expires_at AS expiresAt'

/**
 * Round trip 1: the key if it is already stored, the elder with the caller's consent link and the week's
 * balance of the service's kind (none for a service without purchased minutes), and who hears of the booking
 * (the elder's login and every relative bound now: the notifications rule's own statement).
 */
export async function readKeyAndElder(conn: PoolConnection, k: { userId: number; key: string }, elderId: number, hours: { weekStart: string; kind: HoursKind | null }) {
  const [res] = await conn.query(
    `SELECT ${KEY_COLUMNS} FROM idempotency_keys WHERE user_id = ? AND idem_key = ?;
     SELECT e.id, e.user_id AS userId, e.name, e.phone, e.address, e.home_lat AS homeLat, e.home_lng AS homeLng, e.tier,
            e.tier_reason AS tierReason, e.tier_verified_at AS tierVerifiedAt, e.tier_expires_at AS tierExpiresAt,
            e.weekly_housekeeping_minutes AS weeklyHousekeepingMinutes, e.weekly_medical_minutes AS weeklyMedicalMinutes, e.status, l.id AS linkId, b.id AS balanceId, b.granted_minutes AS grantedMinutes, b.used_minutes AS usedMinutes
       FROM elders e
       LEFT JOIN family_links l ON l.elder_id = e.id AND l.family_user_id = ? AND l.revoked_at IS NULL
       LEFT JOIN hours_balances b ON b.elder_id = e.id AND b.week_start = ? AND b.kind = ?
      WHERE e.id = ? LIMIT 1;
     ${RECIPIENTS_SQL}`,
    [k.userId, k.key, k.userId, hours.weekStart, hours.kind, elderId, elderId, elderId],
  )
  const [keys, rows, recipients] = res as [Row[], Row[], Row[]]
  const r = rows[0]
  const balance: Balance | null = r?.balanceId ? { id: r.balanceId, grantedMinutes: r.grantedMinutes, usedMinutes: r.usedMinutes } : null
  return {
    stored: (keys[0] as StoredKey | undefined) ?? null, elder: r as (BookingElder & { linkId: number | null; status: string }) | undefined, balance,
    recipients: toRecipients(recipients as { userId: number; isElder: number }[]),
  }
}

export async function readKey(conn: PoolConnection, k: { userId: number; key: string }): Promise<StoredKey | null> {
  const [rows] = await conn.query<Row[]>(`SELECT ${KEY_COLUMNS} FROM idempotency_keys WHERE user_id = ? AND idem_key = ?`, [k.userId, k.key])
  return (rows[0] as StoredKey | undefined) ?? null
}

/** A key past its expiry that the hourly purge has not reached yet: deleted, so the key can be used again. */
export async function deleteExpiredKey(conn: PoolConnection, k: { userId: number; key: string }, now: Date) {
  await conn.query('DELETE FROM idempotency_keys WHERE user_id = ? AND idem_key = ? AND expires_at < ?', [k.userId, k.key, now])
}

/** The week's balance again, after a booking lost the race for it. */
export async function readBalance(conn: PoolConnection, elderId: number, weekStart: string, kind: HoursKind): Promise<Balance | null> {
  const [rows] = await conn.query<Row[]>('SELECT id, granted_minutes AS grantedMinutes, used_minutes AS usedMinutes FROM hours_balances WHERE elder_id = ? AND week_start = ? AND kind = ?', [elderId, weekStart, kind])
  return (rows[0] as Balance | undefined) ?? null
}

/** Round trip 2: booked counts at one slot, keyed `${stationId}|${ms}` (no row yet means none booked). */
export async function readBooked(conn: PoolConnection, stationIds: number[], category: ServiceCategory, slotStart: Date) {
  const out = new Map<string, number>()
  if (stationIds.length === 0) return out
  const [rows] = await conn.query<Row[]>('SELECT station_id AS stationId, booked FROM station_slots WHERE station_id IN (?) AND category = ? AND slot_start = ?', [stationIds, category, slotStart])
  for (const r of rows) out.set(`${r.stationId}|${slotStart.getTime()}`, r.booked)
  return out
}

export interface OrderInsert {
  elderId: number; serviceId: number; stationId: number; bookedBy: number; placedByRole: Role; channel: OrderChannel; slotStart: Date; priceVersionId: number; tier: Tier
  listPriceFen: number; tierPriceFen: number; subsidyFen: number; payableFen: number; hoursKind: HoursKind | null; hoursUsedMinutes: number
  priceExplanation: string; routeExplanation: string; distanceMeters: number | null; travelMinutes: number | null; note: string | null
}
export interface Minutes {
  /** The balance as read (its used minutes must still be these), or the week's first booking: a new row granted this many. */
  balance: Balance | { elderId: number; weekStart: string; kind: HoursKind; granted: number }
  used: number
  reason: string
}
export interface BookingWrite {
  order: OrderInsert
  actor: { userId: number; role: string; reason: string }
  minutes: Minutes | null
  /** The slot place to take; capacity is used only if this booking creates the slot's row. */
  slot: { category: ServiceCategory; capacity: number }
  /** The visit's end and the categories whose open visits may overlap it (shared COMBINABLE_CATEGORY_PAIRS). */
  visit: { end: Date; combinable: ServiceCategory[] }
  /** The in-app notices of the booking (to the elder and bound family, not the booker), about this order. */
  notices: { userId: number; title: string; body: string }[]
  /** The key and its stored response: the order as sent, without its id (that goes to order_id). */
  key: { userId: number; key: string; hash: string; expiresAt: Date; body: string }
  now: Date
}

/**
 * Round trip 3: the elder's row lock, the order, the key with its stored response, the order's two events, the
 * overlap guard, the notices, the minutes (balance + ledger row) and the slot place, then COMMIT. Any guard that fails raises an error and the batch stops before
 * COMMIT: the caller must ROLLBACK. The slot comes last, so its row, which every booker of the slot wants, is
 * locked only from there to COMMIT.
 */
export async function writeBooking(conn: PoolConnection, w: BookingWrite): Promise<number> {
  const { order: o, actor, minutes, now } = w
  const sql: string[] = [
    'SET TRANSACTION ISOLATION LEVEL READ COMMITTED', // no gap locks between neighbouring elders' inserts
    'START TRANSACTION',
    // The elder's row lock, first: one elder's bookings write one at a time, so the overlap check below (a later
    // statement, with a fresh read under READ COMMITTED) sees every visit committed before it. Other elders never wait.
    'UPDATE elders SET visit_guard = 0 WHERE id = ?',
    // orders_open_visit_uq: a second open order of this elder, service and slot fails here (ALREADY_BOOKED).
    `INSERT INTO orders (elder_id, service_id, station_id, booked_by, placed_by_role, channel, status, slot_start, price_version_id, tier, list_price_fen, tier_price_fen, subsidy_fen,
       payable_fen, hours_kind, hours_used_minutes, price_explanation, route_explanation, distance_meters, travel_minutes, declined_station_ids, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'assigned', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?)`,
    'SET @cc_order_id = LAST_INSERT_ID()',
    // idempotency_keys_user_key_uq: the same key stored meanwhile (by another process) fails here (KEY_TAKEN).
    `INSERT INTO idempotency_keys (user_id, idem_key, request_hash, response_status, response_body, order_id, expires_at, created_at, updated_at)
     VALUES (?, ?, ?, 201, ?, @cc_order_id, ?, ?, ?)`,
    `INSERT INTO order_events (order_id, actor_user_id, actor_role, from_status, to_status, station_id, reason, at)
     VALUES (@cc_order_id, ?, ?, NULL, 'created', NULL, NULL, ?), (@cc_order_id, ?, ?, 'created', 'assigned', ?, ?, ?)`,
    // elders_visits_do_not_overlap: another open visit of this elder overlapping this one, of a category not
    // combinable with it, sets -1 and the CHECK refuses the batch (VISIT_OVERLAPS). The same rule as visitsClash
    // (shared), which the slot list applies: here in SQL, so a booking racing another is refused too.
    `UPDATE elders SET visit_guard = IF(EXISTS (${overlapping('o.id', '@cc_order_id')}), -1, 0) WHERE id = ?`,
  ]
  const params: unknown[] = [
    o.elderId,
    o.elderId, o.serviceId, o.stationId, o.bookedBy, o.placedByRole, o.channel, o.slotStart, o.priceVersionId, o.tier, o.listPriceFen, o.tierPriceFen, o.subsidyFen,
    o.payableFen, o.hoursKind, o.hoursUsedMinutes, o.priceExplanation, o.routeExplanation, o.distanceMeters, o.travelMinutes, o.note, now, now,
    w.key.userId, w.key.key, w.key.hash, w.key.body, w.key.expiresAt, now, now,
    actor.userId, actor.role, now, actor.userId, actor.role, o.stationId, actor.reason, now,
    ...overlapParams(o.elderId, o.slotStart, w.visit), o.elderId,
  ]
  if (w.notices.length) {
    // With the order or not at all: a booking is never told without having happened, nor happens untold.
    sql.push(`INSERT INTO notifications (user_id, entity, entity_id, title, body, created_at, updated_at) VALUES ${w.notices.map(() => "(?, 'order', @cc_order_id, ?, ?, ?, ?)").join(', ')}`)
    for (const n of w.notices) params.push(n.userId, n.title, n.body, now, now)
  }
  if (minutes) {
    const b = minutes.balance
    if ('id' in b) {
      // Priced from the balance as read: if another booking or a refund moved it since, -1 fails the CHECK
      // (hours_balances_used_within_granted) and the caller prices again. Never below zero either way.
      sql.push('UPDATE hours_balances SET used_minutes = IF(used_minutes = ?, used_minutes + ?, -1), updated_at = ? WHERE id = ?')
      params.push(b.usedMinutes, minutes.used, now, b.id)
    } else {
      // The week's first booking: two at once both insert, hours_balances_uq refuses one, which reads again.
      // The week's grant is a ledger row of its own, so the balance always equals the sum of its ledger.
      sql.push('INSERT INTO hours_balances (elder_id, week_start, kind, granted_minutes, used_minutes) VALUES (?, ?, ?, ?, ?)')
      params.push(b.elderId, b.weekStart, b.kind, b.granted, minutes.used)
      sql.push('SET @cc_balance_id = LAST_INSERT_ID()')
      if (b.granted > 0) {
        sql.push(`INSERT INTO hours_ledger (balance_id, movement, order_id, delta_minutes, reason, at) VALUES (@cc_balance_id, 'grant', NULL, ?, '每周发放', ?)`)
        params.push(b.granted, now)
      }
    }
    if (minutes.used > 0) {
      sql.push(`INSERT INTO hours_ledger (balance_id, movement, order_id, delta_minutes, reason, at) VALUES (${'id' in b ? '?' : '@cc_balance_id'}, 'use', @cc_order_id, ?, ?, ?)`)
      params.push(...('id' in b ? [b.id] : []), -minutes.used, minutes.reason, now)
    }
  }
  sql.push(
    // The station's row, shared: a suspension (which updates it) waits for this booking to commit, and every
    // booking after the suspension's commit reads it suspended — on any process, whatever its cache says.
    'SELECT id FROM stations WHERE id = ? LOCK IN SHARE MODE',
    // Takes a place, creating the slot's row on its first booking; past capacity the CHECK
    // station_slots_booked_within_capacity refuses it (SLOT_FULL), so a slot is never oversold; a station not
    // active writes station_open = 0 and station_slots_station_open refuses it (STATION_SUSPENDED).
    `INSERT INTO station_slots (station_id, category, slot_start, capacity, booked, station_open, created_at, updated_at)
     VALUES (?, ?, ?, ?, 1, (SELECT status = 'active' FROM stations WHERE id = ?), ?, ?)
     ON DUPLICATE KEY UPDATE booked = booked + 1, station_open = (SELECT status = 'active' FROM stations WHERE id = ?), updated_at = ?`,
    'COMMIT',
  )
  params.push(o.stationId, o.stationId, w.slot.category, o.slotStart, w.slot.capacity, o.stationId, now, now, o.stationId, now)
  const [res] = await conn.query(sql.join(';\n'), params)
  return (res as ResultSetHeader[])[3].insertId
}

/**
 * Open visits of an elder overlapping [start, end), except this batch's own order and combinable categories.
 * Led by orders_open_visit_uq (elder_id first): it reads one elder's orders only.
 */
const overlapping = (select: string, self: string) => `SELECT ${select} FROM orders o JOIN services s ON s.id = o.service_id
  WHERE o.elder_id = ? AND o.open_visit = 1 AND o.id <> ${self} AND o.slot_start < ? AND o.slot_start + INTERVAL s.duration_minutes MINUTE > ?
    AND NOT FIND_IN_SET(s.category, ?)`
const overlapParams = (elderId: number, start: Date, v: { end: Date; combinable: ServiceCategory[] }) => [elderId, v.end, start, v.combinable.join(',')]

/** Visits under way for longer than this are not looked for: no service lasts a day. */
const LONGEST_VISIT_MS = 86_400_000

/**
 * The elder's open visits that may reach into [from, to): those starting within a day before `to`.
 * Led by orders_open_visit_uq (elder_id first): it reads one elder's orders only. `db` is a pool or a held connection.
 */
export async function readOpenVisits(db: Pick<PoolConnection, 'query'>, elderId: number, from: Date, to: Date): Promise<VisitFacts[]> {
  const [rows] = await db.query<Row[]>(
    `SELECT o.id, o.slot_start AS slotStart, s.duration_minutes AS durationMinutes, s.name AS serviceName, s.category
       FROM orders o JOIN services s ON s.id = o.service_id
      WHERE o.elder_id = ? AND o.open_visit = 1 AND o.slot_start >= ? AND o.slot_start < ? ORDER BY o.id`,
    [elderId, new Date(from.getTime() - LONGEST_VISIT_MS), to],
  )
  return rows as VisitFacts[]
}

/** The open visit that made a booking VISIT_OVERLAPS (after the ROLLBACK; null if it was cancelled meanwhile). */
export async function findOverlappingVisit(conn: PoolConnection, elderId: number, visit: VisitSpan): Promise<VisitFacts | null> {
  return firstClash(await readOpenVisits(conn, elderId, visit.start, visit.end), visit)
}

export type Guard = 'SLOT_FULL' | 'HOURS_MOVED' | 'ALREADY_BOOKED' | 'KEY_TAKEN' | 'VISIT_OVERLAPS' | 'STATION_SUSPENDED'

const GUARDS: Record<string, Guard> = {
  station_slots_booked_within_capacity: 'SLOT_FULL',
  hours_balances_used_within_granted: 'HOURS_MOVED',
  hours_balances_uq: 'HOURS_MOVED',
  orders_open_visit_uq: 'ALREADY_BOOKED',
  idempotency_keys_user_key_uq: 'KEY_TAKEN',
  elders_visits_do_not_overlap: 'VISIT_OVERLAPS',
  station_slots_station_open: 'STATION_SUSPENDED',
}

/** Which guard of writeBooking refused the batch, or null for any other error. */
export function violatedGuard(e: unknown): Guard | null {
  return GUARDS[violatedConstraint(e) ?? ''] ?? null
}

/** The open order that made a booking ALREADY_BOOKED. */
export async function findOpenVisit(conn: PoolConnection, elderId: number, serviceId: number, slotStart: Date): Promise<number | null> {
  const [rows] = await conn.query<Row[]>('SELECT id FROM orders WHERE elder_id = ? AND service_id = ? AND slot_start = ? AND open_visit = 1 LIMIT 1', [elderId, serviceId, slotStart])
  return rows[0]?.id ?? null
}

/** A 4xx outcome, stored for replay (autocommit). False when the key was stored meanwhile by another request. */
export async function storeOutcome(conn: PoolConnection, k: { userId: number; key: string; hash: string; expiresAt: Date }, outcome: { status: number; body: string }, now: Date): Promise<boolean> {
  const [res] = await conn.query<ResultSetHeader>(
    'INSERT IGNORE INTO idempotency_keys (user_id, idem_key, request_hash, response_status, response_body, expires_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [k.userId, k.key, k.hash, outcome.status, outcome.body, k.expiresAt, now, now],
  )
  return res.affectedRows === 1
}
