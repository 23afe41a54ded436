import { sql } from 'drizzle-orm'
import { mysqlTable, varchar, tinyint, uniqueIndex, index, check } from 'drizzle-orm/mysql-core'
import { id, ref, lifecycleDates } from './util'

/** 星级评定: one rating per completed order, by the elder or a bound relative, editable for 7 days. */
export const ratings = mysqlTable(
  'ratings',
  {
    id: id(),
    orderId: ref('order_id').notNull(),
    stationId: ref('station_id').notNull(),
    elderId: ref('elder_id').notNull(),
    /** Who rated last (the elder or a relative acting for them). */
    userId: ref('user_id').notNull(),
    stars: tinyint('stars').notNull(),
    comment: varchar('comment', { length: 200 }),
    ...lifecycleDates,
  },
  (t) => [
    uniqueIndex('ratings_order_uq').on(t.orderId),
    index('ratings_station_idx').on(t.stationId, t.createdAt),
    check('ratings_stars_1_to_5', sql`${t.stars} BETWEEN 1 AND 5`),
  ],
)
