import { sql } from 'drizzle-orm'
import { mysqlTable, varchar, mysqlEnum, int, date, uniqueIndex, index, check } from 'drizzle-orm/mysql-core'
import { HOURS_KINDS, HOURS_MOVEMENTS } from '@carecircle/shared'
import { id, ref, utc, lifecycleDates } from './util'

/**
 * 政府购买服务时长: one row per elder, week (Monday, Asia/Shanghai) and kind. Invariant 0 ≤ used ≤ granted,
 * enforced by the CHECK: the balance never goes below zero whatever writes it.
 */
export const hoursBalances = mysqlTable(
  'hours_balances',
  {
    id: id(),
    elderId: ref('elder_id').notNull(),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    kind: mysqlEnum('kind', HOURS_KINDS).notNull(),
    grantedMinutes: int('granted_minutes').notNull(),
    usedMinutes: int('used_minutes').notNull().default(0),
    ...lifecycleDates,
  },
  (t) => [
    uniqueIndex('hours_balances_uq').on(t.elderId, t.weekStart, t.kind),
    check('hours_balances_used_within_granted', sql`${t.usedMinutes} >= 0 AND ${t.usedMinutes} <= ${t.grantedMinutes}`),
  ],
)

/**
 * Every movement of a week's minutes, tied to its cause: the week's grant (+granted), an order's use (−) or
 * refund (+), a supervisor's adjustment (±, actor_user_id). The sum of a balance's rows is always
 * granted − used, the minutes left.
 */
export const hoursLedger = mysqlTable(
  'hours_ledger',
  {
    id: id(),
    balanceId: ref('balance_id').notNull(),
    movement: mysqlEnum('movement', HOURS_MOVEMENTS).notNull(),
    /** The order that used or got back the minutes; null for grants and adjustments. */
    orderId: ref('order_id'),
    actorUserId: ref('actor_user_id'),
    deltaMinutes: int('delta_minutes').notNull(),
    reason: varchar('reason', { length: 200 }).notNull(),
    at: utc('at').notNull(),
  },
  (t) => [index('hours_ledger_balance_idx').on(t.balanceId), index('hours_ledger_order_idx').on(t.orderId)],
)
