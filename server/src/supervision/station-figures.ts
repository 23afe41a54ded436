import { publicRating, type StationFigures } from '@carecircle/shared'

export interface OrderCounts {
  completed: number
  overcharged: number
}
export interface ComplaintCounts {
  filed: number
  /** Complaints whose acknowledgement was due by now, or was given. */
  ackDue: number
  ackInTime: number
  resolveDue: number
  resolveInTime: number
}
export interface StationFacts {
  id: number
  name: string
  operatorName: string
  status: 'active' | 'suspended' | 'closed'
  ratingTenths: number
  ratingCount: number
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null)

/** One row per station from the period's counts: rates are null where there is nothing to divide by. */
export function stationFigures(stations: StationFacts[], orders: Map<number, OrderCounts>, complaints: Map<number, ComplaintCounts>): StationFigures[] {
  return stations.map((s) => {
    const o = orders.get(s.id) ?? { completed: 0, overcharged: 0 }
    const c = complaints.get(s.id) ?? { filed: 0, ackDue: 0, ackInTime: 0, resolveDue: 0, resolveInTime: 0 }
    return {
      station: { id: s.id, name: s.name, operatorName: s.operatorName, status: s.status },
      completedOrders: o.completed,
      complaints: c.filed,
      complaintsPer100Orders: o.completed > 0 ? Math.round((c.filed / o.completed) * 1000) / 10 : null,
      acknowledgedInTimeShare: share(c.ackInTime, c.ackDue),
      resolvedInTimeShare: share(c.resolveInTime, c.resolveDue),
      overchargeFlags: o.overcharged,
      rating: publicRating(s.ratingTenths, s.ratingCount),
      ratingCount: s.ratingCount,
    }
  })
}
