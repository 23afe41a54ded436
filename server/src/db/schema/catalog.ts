import { sql } from 'drizzle-orm'
import { mysqlTable, varchar, mysqlEnum, int, smallint, boolean, uniqueIndex, index, check } from 'drizzle-orm/mysql-core'
import { SERVICE_CATEGORIES, HOURS_KINDS, MAX_PRICE_FEN, PRICE_VERSION_STATUSES } from '@carecircle/shared'
import { id, ref, utc, lifecycleDates } from './util'

/** 服务菜单: the district-wide menu; each station prices it on its own board. */
export const services = mysqlTable(
  'services',
  {
    id: id(),
    code: varchar('code', { length: 32 }).notNull(),
    name: varchar('name', { length: 64 }).notNull(),
    category: mysqlEnum('category', SERVICE_CATEGORIES).notNull(),
    unit: varchar('unit', { length: 16 }).notNull(),
    durationMinutes: smallint('duration_minutes').notNull(),
    /** Which government-purchased weekly minutes this consumes; null = none. */
    hoursKind: mysqlEnum('hours_kind', HOURS_KINDS),
    description: varchar('description', { length: 300 }).notNull(),
    sortOrder: int('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    ...lifecycleDates,
  },
  (t) => [uniqueIndex('services_code_uq').on(t.code)],
)

/**
 * 明码标价: a board version. A change is a new version; history is never overwritten. A draft is the station
 * admin's work in progress: never quoted, never on the public board, editable until published; a published
 * version is immutable (no code path updates it).
 */
export const priceVersions = mysqlTable(
  'price_versions',
  {
    id: id(),
    stationId: ref('station_id').notNull(),
    status: mysqlEnum('status', PRICE_VERSION_STATUSES).notNull().default('published'),
    /** For a draft, the time proposed so far; published: the instant it is in force from. */
    effectiveFrom: utc('effective_from').notNull(),
    publishedBy: ref('published_by'),
    /** Null while a draft. */
    publishedAt: utc('published_at'),
    note: varchar('note', { length: 200 }),
    ...lifecycleDates,
  },
  (t) => [
    index('price_versions_station_eff_idx').on(t.stationId, t.effectiveFrom),
    check('price_versions_published_has_time', sql`${t.status} = 'draft' OR ${t.publishedAt} IS NOT NULL`),
  ],
)

/** Fee standard per tier, in fen. Invariant (a CHECK): 0 ≤ freeFen ≤ lowFen ≤ paidFen ≤ MAX_PRICE_FEN. */
export const priceItems = mysqlTable(
  'price_items',
  {
    id: id(),
    priceVersionId: ref('price_version_id').notNull(),
    serviceId: ref('service_id').notNull(),
    /** The unit this station charges by; null = the menu's unit (rows from before units were per board). */
    unit: varchar('unit', { length: 16 }),
    content: varchar('content', { length: 300 }).notNull(),
    freeFen: int('free_fen').notNull(),
    lowFen: int('low_fen').notNull(),
    paidFen: int('paid_fen').notNull(),
  },
  (t) => [
    uniqueIndex('price_items_version_service_uq').on(t.priceVersionId, t.serviceId),
    index('price_items_service_idx').on(t.serviceId),
    check('price_items_tier_order', sql`0 <= ${t.freeFen} AND ${t.freeFen} <= ${t.lowFen} AND ${t.lowFen} <= ${t.paidFen} AND ${t.paidFen} <= ${sql.raw(String(MAX_PRICE_FEN))}`),
  ],
)
