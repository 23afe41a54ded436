import type { ChargeFlag, HoursKind, SubsidyFigures, SubsidyReport, Tier } from '@carecircle/shared'

/** One completed order as the reconciliation reads it. */
export interface CompletedOrder {
  orderId: number
  stationId: number
  stationName: string
  operatorName: string
  elderId: number
  elderName: string
  tier: Tier
  slotStart: string
  hoursKind: HoursKind | null
  hoursUsedMinutes: number
  subsidyFen: number
  payableFen: number
  /** Collected at check-out; null when the worker recorded none (then the elder paid what was quoted). */
  chargedFen: number | null
  chargeFlag: ChargeFlag | null
  /** Refunds recorded on the answered complaints about this order. */
  refundedFen: number
}

const zero = (): SubsidyFigures => ({ completedOrders: 0, housekeepingMinutes: 0, medicalMinutes: 0, subsidyFen: 0, paidByEldersFen: 0, chargeMismatches: 0, refundedFen: 0 })

function add(f: SubsidyFigures, o: CompletedOrder): void {
  f.completedOrders += 1
  if (o.hoursKind === 'housekeeping') f.housekeepingMinutes += o.hoursUsedMinutes
  if (o.hoursKind === 'medical') f.medicalMinutes += o.hoursUsedMinutes
  f.subsidyFen += o.subsidyFen
  f.paidByEldersFen += o.chargedFen ?? o.payableFen
  if (o.chargeFlag) f.chargeMismatches += 1
  f.refundedFen += o.refundedFen
}

/**
 * The month's reconciliation from its completed orders: one row per station, elder and tier (ordered so), the
 * stations' subtotals and the grand totals — each figure summed once per order, so totals always equal the rows' sum.
 */
export function summariseSubsidy(orders: readonly CompletedOrder[]): Pick<SubsidyReport, 'rows' | 'stations' | 'totals' | 'mismatches'> {
  const sorted = [...orders].sort((a, b) => a.stationId - b.stationId || a.elderId - b.elderId || a.tier.localeCompare(b.tier) || a.orderId - b.orderId)
  const rows = new Map<string, SubsidyReport['rows'][number]>()
  const stations = new Map<number, SubsidyReport['stations'][number]>()
  const totals = zero()
  const mismatches: SubsidyReport['mismatches'] = []
  for (const o of sorted) {
    const key = `${o.stationId}|${o.elderId}|${o.tier}`
    let row = rows.get(key)
    if (!row) rows.set(key, (row = { stationId: o.stationId, stationName: o.stationName, operatorName: o.operatorName, elderId: o.elderId, elderName: o.elderName, tier: o.tier, ...zero() }))
    let station = stations.get(o.stationId)
    if (!station) stations.set(o.stationId, (station = { stationId: o.stationId, stationName: o.stationName, operatorName: o.operatorName, ...zero() }))
    for (const f of [row, station, totals]) add(f, o)
    if (o.chargeFlag && o.chargedFen !== null) mismatches.push({ orderId: o.orderId, stationId: o.stationId, elderId: o.elderId, slotStart: o.slotStart, quotedFen: o.payableFen, chargedFen: o.chargedFen, flag: o.chargeFlag })
  }
  return { rows: [...rows.values()], stations: [...stations.values()], totals, mismatches }
}
