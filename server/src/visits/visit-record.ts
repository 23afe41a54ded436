import { describeCharge, toBusinessIso, type VisitRecord } from '@carecircle/shared'
import type { OrderRow } from '../orders/order-view'
import { placedByDto } from '../orders/order-view'

/**
 * One completed visit as proof of service (pure): who came (the worker who checked in), when they arrived and
 * left, the minutes served, what was done, what was charged against what was confirmed. Names only, never phones.
 */
export function toVisitRecord(row: OrderRow): VisitRecord {
  const { o, sv, st } = row
  return {
    orderId: o.id,
    service: { id: sv.id, name: sv.name },
    station: st && st.id ? { id: st.id, name: st.name, phone: st.phone } : null,
    slotStart: toBusinessIso(o.slotStart),
    workerName: o.checkInAt ? (row.worker?.name ?? null) : null,
    checkInAt: o.checkInAt ? toBusinessIso(o.checkInAt) : null,
    checkOutAt: o.checkOutAt ? toBusinessIso(o.checkOutAt) : null,
    servedMinutes: o.checkOutAt ? o.actualMinutes : null,
    workNote: o.workNote,
    payableFen: o.payableFen,
    charge: o.chargedFen === null ? null : describeCharge(o.payableFen, o.chargedFen),
    placedByText: placedByDto(o, row.by).text,
  }
}
