import type { Complaint } from '@carecircle/shared'

/** A complaint as the server sends it, for component tests. */
export function complaintFixture(over: Partial<Complaint> = {}): Complaint {
  return {
    id: 42,
    status: 'submitted',
    statusLabel: '已提交，等待驿站受理',
    category: 'fee',
    categoryLabel: '收费问题',
    description: '说好 20 元，实际收了 30 元',
    anonymous: false,
    complainant: { userId: 5001, name: '王秀英', role: 'elder' },
    elder: { id: 1, name: '王秀英' },
    orderId: 7,
    station: { id: 3, name: '兴隆驿站', phone: '08301234567' },
    evidence: { priceVersionId: 4, tier: 'free', listPriceFen: 5000, publishedTierPriceFen: 0, quotedPayableFen: 0, chargedFen: null },
    feeSummary: { serviceName: '居家保洁', month: '2026-11', differenceFen: null },
    refundFen: null,
    ackDueAt: '2026-11-25T09:00:00+08:00',
    resolveDueAt: '2026-12-01T09:00:00+08:00',
    nextDeadline: '驿站须在 11月25日 09:00 前受理',
    overdue: false,
    late: false,
    createdAt: '2026-11-24T09:00:00+08:00',
    allowedActions: [],
    finalAnswer: false,
    ...over,
  }
}
