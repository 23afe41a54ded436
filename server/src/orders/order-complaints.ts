import { desc, inArray } from 'drizzle-orm'
import { isAnswered, orderComplaintText, type Order, type OrderComplaint } from '@carecircle/shared'
import type { Db } from '../db/client'
import { complaints } from '../db/schema'
import type { Auth } from '../auth/token'

/** What an order says of its complaints: the list, and the refunds of the answered ones. */
export type OrderComplaints = Pick<Order, 'complaints' | 'refundFen'>
export const NO_COMPLAINTS: OrderComplaints = { complaints: [], refundFen: null }

/**
 * The complaints about these orders, for those who may read them on the order: the elder, their family, the supervisor.
 * The station gets none: one anonymous complaint on one order of theirs would name the person behind it.
 */
export async function fetchOrderComplaints(db: Db, auth: Auth, orderIds: number[]): Promise<Map<number, OrderComplaints>> {
  const out = new Map<number, OrderComplaints>()
  if (orderIds.length === 0 || auth.role === 'staff' || auth.role === 'station_admin') return out
  const rows = await db
    .select({ id: complaints.id, orderId: complaints.orderId, category: complaints.category, status: complaints.status, refundFen: complaints.refundFen })
    .from(complaints)
    .where(inArray(complaints.orderId, orderIds))
    .orderBy(desc(complaints.id))
  for (const r of rows) {
    const entry = out.get(r.orderId!) ?? { complaints: [], refundFen: null }
    const item: OrderComplaint = { id: r.id, category: r.category, status: r.status, open: r.status !== 'closed', refundFen: r.refundFen, text: orderComplaintText(r) }
    entry.complaints.push(item)
    if (r.refundFen && isAnswered(r.status)) entry.refundFen = (entry.refundFen ?? 0) + r.refundFen
    out.set(r.orderId!, entry)
  }
  return out
}
