import { render, screen } from '@testing-library/react'
import type { Order } from '@carecircle/shared'
import { Details } from './details'

const UNASSIGNED = '附近能上门的驿站暂时都接不了这一单，街道（民政）监管人员正在为您安排，有问题可拨打 12349。'

function order(over: Partial<Order>): Order {
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
    overdue: false, checkInWindow: { opensAt: '2026-11-24T08:30:00+08:00', closesAt: '2026-11-24T10:00:00+08:00' }, createdAt: '2026-11-23T10:00:00+08:00', allowedActions: [],
    ...over,
  }
}

const row = (label: string) => screen.getByText(label).parentElement!.textContent

describe('order details', () => {
  it('explains the station the order has now', () => {
    render(<Details order={order({})} />)
    expect(row('为什么是这家驿站')).toContain('大山坪养老服务驿站，约 900 米')
  })

  it('with no station left, says who is arranging it instead of "why this station"', () => {
    render(<Details order={order({ status: 'unassigned', station: null, routeExplanation: UNASSIGNED })} />)
    expect(screen.queryByText('为什么是这家驿站')).toBeNull()
    expect(row('派单情况')).toContain('监管人员正在为您安排')
    expect(row('派单情况')).toContain('12349')
  })

  it('shows the check-in and check-out times and the minutes served, with a lower report and its reason', () => {
    render(<Details order={order({
      status: 'completed', actualMinutes: 40,
      visit: { checkInAt: '2026-11-24T08:55:00+08:00', checkOutAt: '2026-11-24T09:55:00+08:00', servedMinutes: 40, correctedFromMinutes: 60, correctionReason: '老人提前去医院', checkInDistanceMeters: 30, workerName: '张师傅', workNote: null },
    })} />)
    expect(row('签到')).toBe('签到08:55（离您家约 30 米）')
    expect(row('签退')).toBe('签退09:55')
    expect(row('服务时长')).toBe('服务时长40 分钟（签到到签退 1 小时，少报原因：老人提前去医院）')
  })

  it('says what was collected against the quote, flagged in words as well as a sign', () => {
    render(<Details order={order({ status: 'completed', charge: { quotedFen: 4000, chargedFen: 6000, flag: 'overcharge', text: '实收 ¥60.00，比预约时的 ¥40.00 多 ¥20.00' } })} />)
    expect(row('实收')).toBe('实收⚠ 实收 ¥60.00，比预约时的 ¥40.00 多 ¥20.00')
  })

  it('before check-out there is no 实收 row', () => {
    render(<Details order={order({})} />)
    expect(screen.queryByText('实收')).toBeNull()
  })

  it('says who placed the order when it was not the elder: a relative, or a station worker by phone', () => {
    const { unmount } = render(<Details order={order({})} />)
    expect(screen.queryByTestId('placed-by')).toBeNull()
    unmount()
    render(<Details order={order({ channel: 'phone', placedBy: { role: 'staff', name: '张师傅', stationName: '兴隆养老服务驿站', text: '由 兴隆养老服务驿站 张师傅 电话代订' } })} />)
    expect(row('谁预约的')).toBe('谁预约的由 兴隆养老服务驿站 张师傅 电话代订')
  })

  it('after the visit, names the worker and what was done', () => {
    render(<Details order={order({
      status: 'completed',
      visit: { checkInAt: '2026-11-24T08:55:00+08:00', checkOutAt: '2026-11-24T09:55:00+08:00', servedMinutes: 60, correctedFromMinutes: null, correctionReason: null, checkInDistanceMeters: null, workerName: '张师傅', workNote: '打扫了厨房' },
    })} />)
    expect(row('服务人员')).toBe('服务人员张师傅')
    expect(row('做了什么')).toBe('做了什么打扫了厨房')
  })
})
