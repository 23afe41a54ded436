import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm'
import { ANSWERED_COMPLAINT_STATUSES, monthBounds, toBusinessIso, type SubsidyReport } from '@carecircle/shared'
import type { Db } from '../db/client'
import { complaints, elders, operators, orders, stations } from '../db/schema'
import { summariseSubsidy } from './subsidy-summary'

/**
 * GET /api/reports/subsidy: the month's completed orders (by slot, in business time), per station and elder. One
 * read on orders_status_slot_idx (status = completed, slot_start in the month): never a scan of all orders.
 */
export async function getSubsidyReport(db: Db, month: string): Promise<SubsidyReport> {
  const { from, to } = monthBounds(month)
  const rows = await db
    .select({
      orderId: orders.id, stationId: orders.stationId, stationName: stations.name, operatorName: operators.name, elderId: orders.elderId, elderName: elders.name,
      tier: orders.tier, slotStart: orders.slotStart, hoursKind: orders.hoursKind, hoursUsedMinutes: orders.hoursUsedMinutes, subsidyFen: orders.subsidyFen,
      payableFen: orders.payableFen, chargedFen: orders.chargedFen, chargeFlag: orders.chargeFlag,
      // Refunds of answered complaints about the order (complaints_open_order_uq leads with order_id): one index probe per order.
      refundedFen: sql<string>`(SELECT COALESCE(SUM(${complaints.refundFen}), 0) FROM ${complaints} WHERE ${complaints.orderId} = ${orders.id} AND ${inArray(complaints.status, [...ANSWERED_COMPLAINT_STATUSES])})`,
    })
    .from(orders)
    .innerJoin(stations, eq(stations.id, orders.stationId))
    .innerJoin(operators, eq(operators.id, stations.operatorId))
    .innerJoin(elders, eq(elders.id, orders.elderId))
    .where(and(eq(orders.status, 'completed'), gte(orders.slotStart, from), lt(orders.slotStart, to)))
  const summary = summariseSubsidy(rows.map((r) => ({ ...r, stationId: r.stationId!, slotStart: toBusinessIso(r.slotStart), refundedFen: Number(r.refundedFen) })))
  return { month, from: toBusinessIso(from), to: toBusinessIso(to), ...summary }
}
