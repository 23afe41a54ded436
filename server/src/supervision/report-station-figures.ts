import { and, asc, eq, gte, lt, sql } from 'drizzle-orm'
import { businessDayStart, toBusinessIso, type StationFiguresResponse } from '@carecircle/shared'
import type { AppDeps } from '../app'
import { complaints, operators, orders, stations } from '../db/schema'
import { AppError } from '../errors'
import { firstIdFrom } from '../complaints/list-complaints'
import { stationFigures, type ComplaintCounts, type OrderCounts } from './station-figures'

const DAY = 86_400_000
const MAX_DAYS = 366

/**
 * Per-station figures for business days `from`…`to`: completed orders and overcharge flags (by slot), complaints
 * filed (an id range, as the desk reads them) with the share acknowledged and resolved in time. Three grouped reads.
 */
export async function reportStationFigures(deps: AppDeps, q: { from: string; to: string }): Promise<StationFiguresResponse> {
  const db = deps.database.db
  const start = businessDayStart(q.from)
  const end = new Date(businessDayStart(q.to).getTime() + DAY)
  if (end <= start) throw new AppError(400, 'VALIDATION_FAILED', '结束日期不能早于开始日期')
  if (end.getTime() - start.getTime() > MAX_DAYS * DAY) throw new AppError(400, 'VALIDATION_FAILED', `一次最多统计 ${MAX_DAYS} 天`)
  const now = deps.clock()

  const stationRows = await db
    .select({ id: stations.id, name: stations.name, operatorName: operators.name, status: stations.status, ratingTenths: stations.ratingTenths, ratingCount: stations.ratingCount })
    .from(stations)
    .innerJoin(operators, eq(operators.id, stations.operatorId))
    .orderBy(asc(stations.id))

  const orderRows = await db
    .select({ stationId: orders.stationId, completed: sql<number>`COUNT(*)`, overcharged: sql<number>`SUM(${orders.chargeFlag} = 'overcharge')` })
    .from(orders)
    .where(and(eq(orders.status, 'completed'), gte(orders.slotStart, start), lt(orders.slotStart, end)))
    .groupBy(orders.stationId)

  const [lo, hi] = [await firstIdFrom(db, start), await firstIdFrom(db, end)]
  const acked = sql`COALESCE(${complaints.acknowledgedAt}, ${complaints.resolvedAt})`
  const complaintRows = await db
    .select({
      stationId: complaints.stationId,
      filed: sql<number>`COUNT(*)`,
      ackDue: sql<number>`SUM(${acked} IS NOT NULL OR ${complaints.ackDueAt} <= ${now})`,
      ackInTime: sql<number>`SUM(${acked} IS NOT NULL AND ${acked} <= ${complaints.ackDueAt})`,
      resolveDue: sql<number>`SUM(${complaints.resolvedAt} IS NOT NULL OR ${complaints.resolveDueAt} <= ${now})`,
      resolveInTime: sql<number>`SUM(${complaints.resolvedAt} IS NOT NULL AND ${complaints.resolvedAt} <= ${complaints.resolveDueAt})`,
    })
    .from(complaints)
    .where(and(gte(complaints.id, lo), lt(complaints.id, hi)))
    .groupBy(complaints.stationId)

  const num = (v: unknown) => Number(v ?? 0)
  const orderCounts = new Map<number, OrderCounts>(orderRows.filter((r) => r.stationId !== null).map((r) => [r.stationId!, { completed: num(r.completed), overcharged: num(r.overcharged) }]))
  const complaintCounts = new Map<number, ComplaintCounts>(
    complaintRows.map((r) => [r.stationId, { filed: num(r.filed), ackDue: num(r.ackDue), ackInTime: num(r.ackInTime), resolveDue: num(r.resolveDue), resolveInTime: num(r.resolveInTime) }]),
  )
  return { from: toBusinessIso(start), to: toBusinessIso(new Date(end.getTime() - 1)), stations: stationFigures(stationRows, orderCounts, complaintCounts) }
}
