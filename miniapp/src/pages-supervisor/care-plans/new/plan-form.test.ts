import { everyText, planBody } from './plan-form'

describe('plan form', () => {
  const draft = { reason: 'live_alone' as const, mode: 'visit' as const, everyDays: 7, note: '  ' }
  it('asks for the elder, then the reason; leaves an empty note out', () => {
    expect(planBody(null, draft)).toEqual({ problem: '请先找到并选好老人。' })
    expect(planBody(3, { ...draft, reason: null })).toEqual({ problem: '请选一个原因：独居、空巢、失能或高龄。' })
    expect(planBody(3, draft)).toEqual({ body: { elderId: 3, reason: 'live_alone', mode: 'visit', everyDays: 7 } })
    expect(planBody(3, { ...draft, note: ' 住六楼 ' })).toMatchObject({ body: { note: '住六楼' } })
  })
  it('says the frequency as the server will', () => {
    expect(everyText('visit', 7)).toBe('每 7 天上门走访一次')
    expect(everyText('phone', 1)).toBe('每天电话问候一次')
  })
})
