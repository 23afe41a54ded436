import { and, eq, gte, lt } from 'drizzle-orm'
import { businessDate, businessDayStart, type VisitsResponse } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { orders } from '../db/schema'
import { elderFor } from '../access/elder-access'
import { fetchOrderRows } from '../orders/order-view'
import { toVisitRecord } from './visit-record'

/**
 * A month is short and an elder's visits cannot overlap (orders/booking-sql.ts), so a month is read whole, never
 * cut: this bound is far above any real month and only keeps a broken row count from reading without end.
 */
const MONTH_ROWS_BOUND = 5_000

/** First instant of a business month (Asia/Shanghai) and of the month after it. */
export function monthRange(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number)
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
  return { from: businessDayStart(`${month}-01`), to: businessDayStart(`${next}-01`) }
}

/**
 * 每月服务记录: the completed visits of one month for an elder the caller may read (the one access rule), newest
 * first, with totals — the daily proof a family asks for instead of a phone call. The current month by default.
 */
export async function listVisits(deps: Pick<AppDeps, 'database' | 'stationIndex' | 'clock'>, auth: Auth, elderId: number, q: { month?: string }): Promise<VisitsResponse> {
  const elder = await elderFor(deps, auth, elderId, 'read')
  const month = q.month ?? businessDate(deps.clock()).slice(0, 7)
  const { from, to } = monthRange(month)
  const where = and(eq(orders.elderId, elder.id), eq(orders.status, 'completed'), gte(orders.slotStart, from), lt(orders.slotStart, to))
  const visits = (await fetchOrderRows(deps.database.db, where, MONTH_ROWS_BOUND, 'desc')).map(toVisitRecord)
  return {
    elder: { id: elder.id, name: elder.name },
    month,
    visits,
    totals: {
      visits: visits.length,
      servedMinutes: visits.reduce((sum, v) => sum + (v.servedMinutes ?? 0), 0),
      chargedFen: visits.reduce((sum, v) => sum + (v.charge?.chargedFen ?? 0), 0),
    },
  }
}
