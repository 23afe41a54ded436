import { sql } from 'drizzle-orm'
import { mysqlTable, varchar, mysqlEnum, int, smallint, tinyint, json, text, double, uniqueIndex, index } from 'drizzle-orm/mysql-core'
import { CHARGE_FLAGS, ORDER_CHANNELS, OPEN_ORDER_STATUSES, ORDER_STATUSES, ROLES, TIERS, HOURS_KINDS } from '@carecircle/shared'
import { id, ref, utc, lifecycleDates } from './util'

export const orders = mysqlTable(
  'orders',
  {
    id: id(),
    elderId: ref('elder_id').notNull(),
    serviceId: ref('service_id').notNull(),
    /** Null while unassigned (every station in reach declined). */
    stationId: ref('station_id'),
    bookedBy: ref('booked_by').notNull(),
    /** Who placed it and how: the elder (self), a bound relative (family), or staff/supervisor for a phoned-in elder (phone). */
    placedByRole: mysqlEnum('placed_by_role', ROLES).notNull().default('elder'),
    channel: mysqlEnum('channel', ORDER_CHANNELS).notNull().default('self'),
    status: mysqlEnum('status', ORDER_STATUSES).notNull(),
    slotStart: utc('slot_start').notNull(),
    /** The price version the order was quoted at: the board may change, the order's price does not. */
    priceVersionId: ref('price_version_id').notNull(),
    tier: mysqlEnum('tier', TIERS).notNull(),
    /** All amounts in fen: list (paid-tier) price, tier price, subsidy = list − payable, payable by the elder. */
    listPriceFen: int('list_price_fen').notNull(),
    tierPriceFen: int('tier_price_fen').notNull(),
    subsidyFen: int('subsidy_fen').notNull(),
    payableFen: int('payable_fen').notNull(),
    /** Government-purchased minutes this order consumed (see hours_ledger). */
    hoursKind: mysqlEnum('hours_kind', HOURS_KINDS),
    hoursUsedMinutes: smallint('hours_used_minutes').notNull().default(0),
    /** Plain-Chinese pricing and routing explanations as shown at quote time. */
    priceExplanation: varchar('price_explanation', { length: 300 }).notNull(),
    routeExplanation: varchar('route_explanation', { length: 200 }).notNull(),
    distanceMeters: int('distance_meters'),
    travelMinutes: smallint('travel_minutes'),
    /** Stations that declined, so re-routing skips them. */
    declinedStationIds: json('declined_station_ids').$type<number[]>().notNull(),
    note: varchar('note', { length: 200 }),
    /** Fen actually collected at check-out; null before. A difference from payable_fen sets charge_flag. */
    chargedFen: int('charged_fen'),
    chargeFlag: mysqlEnum('charge_flag', CHARGE_FLAGS),
    /** Minutes served, as paid: clockedMinutes, or fewer when the worker corrected it down (correction_reason). */
    actualMinutes: smallint('actual_minutes'),
    /** Electronic Visit Verification: check-in/out instants (server clock) and who made them. */
    checkInAt: utc('check_in_at'),
    checkOutAt: utc('check_out_at'),
    checkedInBy: ref('checked_in_by'),
    checkedOutBy: ref('checked_out_by'),
    /** Where the device was at check-in, when it offered a location; distance from the elder's home in metres. */
    checkInLat: double('check_in_lat'),
    checkInLng: double('check_in_lng'),
    checkInAccuracyMeters: int('check_in_accuracy_meters'),
    checkInDistanceMeters: int('check_in_distance_meters'),
    /** Whole minutes between check-in and check-out. */
    clockedMinutes: smallint('clocked_minutes'),
    /** What was done, as the worker wrote it at check-out (proof of service the family reads). */
    workNote: varchar('work_note', { length: 200 }),
    /** Why the worker reported fewer minutes than clocked (null when not corrected). */
    correctionReason: varchar('correction_reason', { length: 200 }),
    /** Set when an accepted order was not started 30 minutes after its slot. */
    overdueAt: utc('overdue_at'),
    /**
     * 1 while the order is open (OPEN_ORDER_STATUSES), else NULL: with orders_open_visit_uq the database itself
     * refuses a second open order of the same elder, service and slot (NULLs never collide).
     */
    openVisit: tinyint('open_visit').generatedAlwaysAs(sql.raw(`CASE WHEN status IN (${OPEN_ORDER_STATUSES.map((st) => `'${st}'`).join(', ')}) THEN 1 END`), { mode: 'virtual' }),
    ...lifecycleDates,
  },
  (t) => [
    // Also the index of an elder's orders (it leads with elder_id).
    uniqueIndex('orders_open_visit_uq').on(t.elderId, t.serviceId, t.slotStart, t.openVisit),
    index('orders_station_slot_idx').on(t.stationId, t.slotStart),
    index('orders_status_slot_idx').on(t.status, t.slotStart),
    // Supervisors list the orders whose charge differed from the quote.
    index('orders_charge_flag_idx').on(t.chargeFlag, t.slotStart, t.id),
  ],
)

/** Every transition: who, when, from, to, why. */
export const orderEvents = mysqlTable(
  'order_events',
  {
    id: id(),
    orderId: ref('order_id').notNull(),
    actorUserId: ref('actor_user_id'),
    actorRole: mysqlEnum('actor_role', [...ROLES, 'system']).notNull(),
    fromStatus: mysqlEnum('from_status', ORDER_STATUSES),
    toStatus: mysqlEnum('to_status', ORDER_STATUSES).notNull(),
    stationId: ref('station_id'),
    reason: varchar('reason', { length: 200 }),
    at: utc('at').notNull(),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.at)],
)

/**
 * Idempotency-Key store (IETF draft): scoped to the calling user, kept ≥ 24 h. A row is written only with its
 * outcome, in the same transaction as the order it created: there is no half-done state to get stuck in.
 */
export const idempotencyKeys = mysqlTable(
  'idempotency_keys',
  {
    id: id(),
    userId: ref('user_id').notNull(),
    key: varchar('idem_key', { length: 255 }).notNull(),
    /** sha256 of method + path + canonical body; another body under the same key is refused. */
    requestHash: varchar('request_hash', { length: 64 }).notNull(),
    responseStatus: smallint('response_status').notNull(),
    /** The response as sent (JSON text, stored verbatim); a created order's id is in order_id, not in this text. */
    responseBody: text('response_body').notNull(),
    /** The order the first request created, if it did. */
    orderId: ref('order_id'),
    expiresAt: utc('expires_at').notNull(),
    ...lifecycleDates,
  },
  (t) => [uniqueIndex('idempotency_keys_user_key_uq').on(t.userId, t.key), index('idempotency_keys_expires_idx').on(t.expiresAt)],
)
