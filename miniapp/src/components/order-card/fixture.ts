import type { Order } from '@carecircle/shared'

/** An order as the server sends it to the elder, for component tests. */
export function orderFixture(over: Partial<Order> = {}): Order {
  return {
    id: 7, status: 'assigned',
    elder: { id: 1, name: '王秀英', address: '江阳区兴隆街 1 号', phone: null },
    service: { id: 6, name: '上门健康监测', category: 'medical', unit: '次', durationMinutes: 60 },
    station: { id: 2, name: '大山坪养老服务驿站', phone: '08301234567' },
    slotStart: '2026-11-24T09:00:00+08:00',
    price: { tier: 'free', priceVersionId: 1, listPriceFen: 5000, tierPriceFen: 0, subsidyFen: 5000, payableFen: 0, hoursKind: null, hoursUsedMinutes: 0, hoursRemainingMinutes: null, explanation: '90 岁以上免费' },
    routeExplanation: '大山坪养老服务驿站，约 900 米，步行约 13 分钟', channel: 'self', placedBy: { role: 'elder', name: '王秀英', stationName: null, text: '本人预约' },
    note: null, actualMinutes: null,
    visit: { checkInAt: null, checkOutAt: null, servedMinutes: null, correctedFromMinutes: null, correctionReason: null, checkInDistanceMeters: null, workerName: null, workNote: null },
    charge: null,
    rating: null,
    complaints: [],
    refundFen: null,
    overdue: false, checkInWindow: { opensAt: '2026-11-24T08:30:00+08:00', closesAt: '2026-11-24T10:00:00+08:00' }, createdAt: '2026-11-23T10:00:00+08:00', allowedActions: [],
    ...over,
  }
}
