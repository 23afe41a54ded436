import { sql } from 'drizzle-orm'
import { mysqlTable, varchar, mysqlEnum, double, int, json, smallint, tinyint, uniqueIndex, index, check } from 'drizzle-orm/mysql-core'
import { DEFAULT_CIRCLE, SERVICE_CATEGORIES } from '@carecircle/shared'
import { id, ref, utc, lifecycleDates } from './util'

/** 物业服务企业 / 运营方: the company that runs stations. */
export const operators = mysqlTable(
  'operators',
  {
    id: id(),
    name: varchar('name', { length: 100 }).notNull(),
    /** 统一社会信用代码 / 备案号, shown on every price board. */
    licenceNo: varchar('licence_no', { length: 32 }).notNull(),
    phone: varchar('phone', { length: 20 }).notNull(),
    ...lifecycleDates,
  },
  (t) => [uniqueIndex('operators_licence_uq').on(t.licenceNo)],
)

export const stations = mysqlTable(
  'stations',
  {
    id: id(),
    operatorId: ref('operator_id').notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    /** station 驿站 (circle in minutes) or complex 综合体 (circle in metres). */
    kind: mysqlEnum('kind', ['station', 'complex']).notNull(),
    address: varchar('address', { length: 200 }).notNull(),
    /** Public complaint / booking phone of the station (not personal data). */
    phone: varchar('phone', { length: 20 }).notNull(),
    lat: double('lat').notNull(),
    lng: double('lng').notNull(),
    /** 驿站: homes within this many minutes' travel are served (15 by policy). */
    circleMinutes: smallint('circle_minutes').notNull().default(DEFAULT_CIRCLE.circleMinutes),
    /** 综合体: homes within this many metres (2000 by policy); null for a 驿站. */
    circleMeters: int('circle_meters'),
    /** Optional published circle as [[lat, lng], …]; when present it decides coverage. */
    circlePolygon: json('circle_polygon').$type<[number, number][]>(),
    travelMode: mysqlEnum('travel_mode', ['walk', 'ebike', 'car']).notNull().default('walk'),
    /** Travel speed in metres per minute for the travel mode (walking ≈ 75). */
    speedMetersPerMinute: smallint('speed_m_per_min').notNull().default(DEFAULT_CIRCLE.speedMetersPerMinute),
    /** Great-circle distance × this = road distance, in thousandths (1300 = ×1.3). */
    detourPermille: smallint('detour_permille').notNull().default(DEFAULT_CIRCLE.detourPermille),
    /** Null means active; suspended stations (red list) get no new orders. */
    status: mysqlEnum('status', ['active', 'suspended', 'closed']).notNull().default('active'),
    suspendedReason: varchar('suspended_reason', { length: 200 }),
    suspendedAt: utc('suspended_at'),
    /**
     * Star rating in tenths (45 = 4.5): the mean of the last 90 days' ratings, kept by every rating; 0 while there
     * are fewer than RATING_MIN_COUNT of them (shown as 暂无评分, ranked below rated stations in routing ties).
     */
    ratingTenths: smallint('rating_tenths').notNull().default(0),
    /** How many ratings that mean is of. */
    ratingCount: smallint('rating_count').notNull().default(0),
    ...lifecycleDates,
  },
  (t) => [index('stations_operator_idx').on(t.operatorId), index('stations_status_idx').on(t.status), index('stations_lat_lng_idx').on(t.lat, t.lng)],
)

/** How many visits of a category a station can take per slot, within its opening hours (minutes of the local day). */
export const capacityRules = mysqlTable(
  'capacity_rules',
  {
    id: id(),
    stationId: ref('station_id').notNull(),
    category: mysqlEnum('category', SERVICE_CATEGORIES).notNull(),
    /** Local opening minute of day (480 = 08:00) and closing minute; slots start in [open, close). */
    openMinute: smallint('open_minute').notNull(),
    closeMinute: smallint('close_minute').notNull(),
    slotMinutes: smallint('slot_minutes').notNull().default(60),
    capacity: smallint('capacity').notNull(),
    ...lifecycleDates,
  },
  (t) => [index('capacity_rules_station_idx').on(t.stationId, t.category)],
)

/**
 * One row per booked (station, category, slot): created by the first booking, capacity copied from the rule.
 * Never oversold: the CHECK makes the database refuse any write that would take booked past capacity.
 */
export const stationSlots = mysqlTable(
  'station_slots',
  {
    id: id(),
    stationId: ref('station_id').notNull(),
    category: mysqlEnum('category', SERVICE_CATEGORIES).notNull(),
    slotStart: utc('slot_start').notNull(),
    capacity: smallint('capacity').notNull(),
    /** Invariant: 0 ≤ booked ≤ capacity. */
    booked: smallint('booked').notNull().default(0),
    /**
     * Written by every booking as its station's status at that moment (1 = active): a suspended station makes it 0
     * and the CHECK refuses the booking, whatever a process's cached station index still believes.
     */
    stationOpen: tinyint('station_open').notNull().default(1),
    ...lifecycleDates,
  },
  (t) => [
    uniqueIndex('station_slots_uq').on(t.stationId, t.category, t.slotStart),
    check('station_slots_booked_within_capacity', sql`${t.booked} >= 0 AND ${t.booked} <= ${t.capacity}`),
    check('station_slots_station_open', sql`${t.stationOpen} = 1`),
  ],
)
