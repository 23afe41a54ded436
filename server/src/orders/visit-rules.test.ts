import { AppError } from '../errors'
import { assertCheckInOpen, servedMinutes } from './visit-rules'

const slot = new Date('2026-12-03T08:00:00+08:00')
const at = (hhmm: string) => new Date(`2026-12-03T${hhmm}:00+08:00`)
const window = { opensMinutesBefore: 30, closesMinutesAfter: 60 }

function refusal(fn: () => unknown): AppError {
  try {
    fn()
  } catch (e) {
    return e as AppError
  }
  throw new Error('expected a refusal')
}

describe('check-in window', () => {
  it('opens 30 minutes before the slot and closes 60 after, both ends included', () => {
    expect(() => assertCheckInOpen(at('07:30'), slot, window)).not.toThrow()
    expect(() => assertCheckInOpen(at('09:00'), slot, window)).not.toThrow()
  })

  it('too early says when it opens', () => {
    const e = refusal(() => assertCheckInOpen(at('06:50'), slot, window))
    expect(e).toMatchObject({ status: 409, code: 'CHECK_IN_NOT_OPEN' })
    expect(e.message).toContain('12月3日 07:30 起可以签到')
  })

  it('too late says when it closed', () => {
    const e = refusal(() => assertCheckInOpen(at('09:01'), slot, window))
    expect(e).toMatchObject({ status: 409, code: 'CHECK_IN_CLOSED' })
    expect(e.message).toContain('12月3日 09:00')
  })
})

describe('served minutes', () => {
  it('are the whole minutes between check-in and check-out', () => {
    expect(servedMinutes(at('08:02'), new Date('2026-12-03T08:59:59+08:00'), {})).toEqual({ clocked: 57, served: 57, correctionReason: null })
    expect(servedMinutes(at('08:02'), at('08:02'), {}).served).toBe(0)
  })

  it('may be corrected down with a reason, never up', () => {
    expect(servedMinutes(at('08:00'), at('09:00'), { correctedMinutes: 45, correctionReason: '中途离开' })).toEqual({ clocked: 60, served: 45, correctionReason: '中途离开' })
    expect(refusal(() => servedMinutes(at('08:00'), at('08:01'), { correctedMinutes: 60, correctionReason: '其实做了一小时' }))).toMatchObject({ status: 400 })
    expect(refusal(() => servedMinutes(at('08:00'), at('09:00'), { correctedMinutes: 45 })).message).toContain('原因')
  })
})
