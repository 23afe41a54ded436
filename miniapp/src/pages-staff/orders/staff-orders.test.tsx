import { act, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { signIn } from '../../../jest/signed-in'
import type { Order } from '@carecircle/shared'
import StaffOrdersPage from './index'

const send = Taro.request as unknown as jest.Mock

/** 王秀英 (无偿) checked out after 45 minutes with ¥20 collected, as the server answers it. */
const DONE: Order = {
  id: 9, status: 'completed',
  elder: { id: 1, name: '王秀英', address: '江阳中路 88 号', phone: '13800000001' },
  service: { id: 2, name: '居家保洁', category: 'cleaning', unit: '次', durationMinutes: 60 },
  station: { id: 1, name: '兴隆养老服务驿站', phone: '08303101001' },
  slotStart: '2026-11-24T09:00:00+08:00',
  price: { tier: 'free', priceVersionId: 1, listPriceFen: 5000, tierPriceFen: 0, subsidyFen: 5000, payableFen: 0, hoursKind: 'housekeeping', hoursUsedMinutes: 45, hoursRemainingMinutes: null, explanation: '无偿' },
  routeExplanation: '', channel: 'self', placedBy: { role: 'elder', name: '王秀英', stationName: null, text: '本人预约' }, note: null, actualMinutes: 45,
  visit: { checkInAt: '2026-11-24T09:00:00+08:00', checkOutAt: '2026-11-24T09:45:00+08:00', servedMinutes: 45, correctedFromMinutes: null, correctionReason: null, checkInDistanceMeters: null, workerName: '周小梅', workNote: null },
  charge: { quotedFen: 0, chargedFen: 2000, flag: 'overcharge', text: '实收 ¥20.00，比预约时的 ¥0.00 多 ¥20.00' },
  rating: null, complaints: [], refundFen: null, overdue: false,
  checkInWindow: { opensAt: '2026-11-24T08:30:00+08:00', closesAt: '2026-11-24T10:00:00+08:00' },
  createdAt: '2026-11-23T10:00:00+08:00', allowedActions: [],
}

beforeEach(() => {
  send.mockReset()
  signIn({ id: 1011, role: 'staff', name: '周小梅', phone: '13700000011', stationId: 1 })
  send.mockImplementation(async ({ url }: { url: string }) =>
    url.startsWith('/api/care-rounds') ? { statusCode: 200, data: { rounds: [], nextCursor: null } } : { statusCode: 200, data: { orders: [DONE], nextCursor: null } },
  )
})

describe('驿站订单', () => {
  it('a checked-out order shows on its card the minutes served and the amount collected, flagged when it differs', async () => {
    await act(async () => {
      render(<StaffOrdersPage />)
    })
    const done = screen.getByTestId('checked-out')
    expect(done.getAttribute('data-flag')).toBe('overcharge')
    expect(done.textContent).toContain('服务 45 分钟')
    expect(done.textContent).toContain('实收 ¥20.00，比预约时的 ¥0.00 多 ¥20.00')
    expect(screen.getByTestId('order-item').contains(done)).toBe(true)
  })
})
