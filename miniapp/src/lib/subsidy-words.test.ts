import { movementWords } from './subsidy-words'

const entry = (movement: 'grant' | 'use' | 'refund' | 'adjust', deltaMinutes: number, extra: { orderId?: number; reason?: string; kind?: 'housekeeping' | 'medical' } = {}) => ({
  movement,
  deltaMinutes,
  kind: extra.kind ?? 'housekeeping',
  reason: extra.reason ?? '',
  orderId: extra.orderId ?? null,
})

describe('movementWords: each ledger movement in words', () => {
  it('a weekly grant says what was given', () => {
    expect(movementWords(entry('grant', 180))).toEqual({ title: '每周发放：家政 3 小时', amount: '+3 小时', reason: null, orderId: null })
  })

  it('a use names its order and the minutes taken, with a minus sign in words', () => {
    const w = movementWords(entry('use', -90, { orderId: 42 }))
    expect(w.title).toBe('预约服务用了家政 1 小时 30 分钟')
    expect(w.amount).toBe('−1 小时 30 分钟')
    expect(w.orderId).toBe(42)
  })

  it('a refund says why the minutes came back: a cancellation, or a visit shorter than booked', () => {
    const w = movementWords(entry('refund', 60, { orderId: 42, kind: 'medical', reason: '取消退回' }))
    expect(w.title).toBe('订单取消，退回医疗 1 小时')
    expect(w.orderId).toBe(42)
    expect(movementWords(entry('refund', 5, { orderId: 42, reason: '按实际服务时长退回' })).title).toBe('实际服务比预约的时间短，退回家政 5 分钟')
    expect(movementWords(entry('refund', 5, { orderId: 42, reason: '服务人员多记了时长' }))).toMatchObject({ title: '退回家政 5 分钟', reason: '服务人员多记了时长' })
  })

  it('an adjustment says increase or decrease and carries the supervisor’s reason', () => {
    expect(movementWords(entry('adjust', 30, { reason: '上周迟到补回' }))).toMatchObject({ title: '工作人员调整：家政增加 30 分钟', reason: '上周迟到补回', orderId: null })
    expect(movementWords(entry('adjust', -45, { reason: '重复发放' })).title).toBe('工作人员调整：家政减少 45 分钟')
  })
})
