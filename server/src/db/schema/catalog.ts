import { mysqlTable, varchar, mysqlEnum, int, smallint, boolean, uniqueIndex, index } from 'drizzle-orm/mysql-core'
import { SERVICE_CATEGORIES, HOURS_KINDS } from '@carecircle/shared'
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

/** 明码标价: a published board. A change is a new version; history is never overwritten. */
export const priceVersions = mysqlTable(
  'price_versions',
  {
    id: id(),
    stationId: ref('station_id').notNull(),
    effectiveFrom: utc('effective_from').notNull(),
    publishedBy: ref('published_by'),
    publishedAt: utc('published_at').notNull(),
    note: varchar('note', { length: 200 }),
    ...lifecycleDates,
  },
  (t) => [index('price_versions_station_eff_idx').on(t.stationId, t.effectiveFrom)],
)

/** Fee standard per tier, in fen. Invariant: freeFen ≤ lowFen ≤ paidFen. */
export const priceItems = mysqlTable(
  'price_items',
  {
    id: id(),
    priceVersionId: ref('price_version_id').notNull(),
    serviceId: ref('service_id').notNull(),
    content: varchar('content', { length: 300 }).notNull(),
    freeFen: int('free_fen').notNull(),
    lowFen: int('low_fen').notNull(),
    paidFen: int('paid_fen').notNull(),
  },
  (t) => [uniqueIndex('price_items_version_service_uq').on(t.priceVersionId, t.serviceId), index('price_items_service_idx').on(t.serviceId)],
)
