import { mysqlTable, varchar, mysqlEnum, int, uniqueIndex, index } from 'drizzle-orm/mysql-core'
import { ROLES } from '@carecircle/shared'
import { id, ref, utc, lifecycleDates } from './util'

export const users = mysqlTable(
  'users',
  {
    id: id(),
    role: mysqlEnum('role', ROLES).notNull(),
    name: varchar('name', { length: 64 }).notNull(),
    /** Personal data: never logged, masked on every screen but the owner's. Null for an elder without a phone. */
    phone: varchar('phone', { length: 20 }),
    wechatOpenid: varchar('wechat_openid', { length: 64 }),
    /** Staff and station admins belong to exactly one station; null for every other role. */
    stationId: ref('station_id'),
    /** Null means active. */
    disabledAt: utc('disabled_at'),
    /**
     * Every token carries the version it was issued under and is refused once this moves on: logout adds one,
     * ending every session of the user on every process (within the user-state cache time, see auth/user-states.ts).
     */
    sessionVersion: int('session_version', { unsigned: true }).notNull().default(0),
    ...lifecycleDates,
  },
  (t) => [
    uniqueIndex('users_phone_uq').on(t.phone),
    uniqueIndex('users_wechat_openid_uq').on(t.wechatOpenid),
    index('users_station_idx').on(t.stationId),
  ],
)
