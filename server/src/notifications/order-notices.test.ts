import { describeCharge } from '@carecircle/shared'
import { buildOrderNotices, orderNoticeText, type OrderChange } from './order-notices'
import { thingValue } from './push-notices'

const facts = { id: 7, elderId: 1, elderName: '王秀英', serviceName: '居家保洁', slotStart: new Date('2026-11-24T09:00:00+08:00') }
const CHANGES: OrderChange[] = [
  { to: 'assigned', stationName: '兴隆养老服务驿站', placedBy: '由家人 王丽 代订' },
  { to: 'accepted', stationName: '兴隆养老服务驿站' },
  { to: 'rerouted', fromStationName: '兴隆养老服务驿站', stationName: '长江大道养老服务驿站', cause: 'declined' },
  { to: 'rerouted', fromStationName: null, stationName: '长江大道养老服务驿站', cause: 'suspended' },
  { to: 'unassigned', fromStationName: '兴隆养老服务驿站', cause: 'declined' },
  { to: 'in_service', workerName: '周小梅', at: new Date('2026-11-24T09:03:00+08:00') },
  { to: 'completed', servedMinutes: 50, charge: describeCharge(4000, 6000) },
  { to: 'cancelled', by: '家人 王丽' },
]

describe('order notice text', () => {
  it.each(CHANGES.map((c) => [c.to, c] as const))('%s: the elder reads 您, the family the elder’s name, both the service and the time', (_, change) => {
    const mine = orderNoticeText(facts, change, true)
    const theirs = orderNoticeText(facts, change, false)
    expect(mine.body).toMatch(/^(.*，)?您的居家保洁（11月24日 09:00）/)
    expect(theirs.body).toMatch(/^(.*，)?王秀英的居家保洁（11月24日 09:00）/)
    expect(theirs.body).not.toContain('您')
    expect(mine.title).toBe(theirs.title)
    expect([...mine.title].length).toBeLessThanOrEqual(20)
  })

  it('says what matters for each step', () => {
    expect(orderNoticeText(facts, CHANGES[2], false).body).toBe('兴隆养老服务驿站无法接单，王秀英的居家保洁（11月24日 09:00）已改由长江大道养老服务驿站上门，价格不变')
    expect(orderNoticeText(facts, CHANGES[3], false).body).toMatch(/^原驿站暂停接单，/)
    expect(orderNoticeText(facts, CHANGES[4], true).body).toMatch(/12349$/)
    expect(orderNoticeText(facts, CHANGES[5], true).body).toBe('您的居家保洁（11月24日 09:00）：周小梅已于 09:03 到达签到，开始服务')
    expect(orderNoticeText(facts, CHANGES[6], true).body).toBe('您的居家保洁（11月24日 09:00）已完成，服务 50 分钟，实收 ¥60.00，比预约时的 ¥40.00 多 ¥20.00')
  })
})

describe('who is told', () => {
  const to = [{ userId: 5001, isElder: true }, { userId: 9001, isElder: false }, { userId: 9003, isElder: false }]
  it('every recipient once, in their own wording, about this order', () => {
    const notices = buildOrderNotices(facts, CHANGES[1], to, 42)
    expect(notices.map((n) => [n.userId, n.entity, n.entityId])).toEqual([[5001, 'order', 7], [9001, 'order', 7], [9003, 'order', 7]])
    expect(notices[0].body).toMatch(/^您的/)
    expect(notices[1].body).toMatch(/^王秀英的/)
  })
  it('never the one who made the step', () => {
    expect(buildOrderNotices(facts, CHANGES[7], to, 9001).map((n) => n.userId)).toEqual([5001, 9003])
    expect(buildOrderNotices(facts, CHANGES[7], [], null)).toEqual([])
  })
})

describe('WeChat thing values', () => {
  it('keeps 20 characters at most, marking a cut', () => {
    expect(thingValue('服务已完成：居家保洁')).toBe('服务已完成：居家保洁')
    const cut = thingValue('您的居家保洁（11月24日 09:00）已完成，服务 50 分钟')
    expect([...cut]).toHaveLength(20)
    expect(cut.endsWith('…')).toBe(true)
  })
})
