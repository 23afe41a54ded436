import type { BoardLine } from './price-changes'
import { confirmsWaiting, waitingAfter } from './waiting-versions'

const line = (serviceId: number, paidFen: number): BoardLine => ({ serviceId, name: `服务${serviceId}`, unit: '次', content: '内容', paidFen, lowFen: 0, freeFen: 0 })
const at = (iso: string) => new Date(iso)

describe('waitingAfter: the versions a new one is published before, and what each will change then', () => {
  const jan = { id: 7, effectiveFrom: at('2027-01-01T00:00:00+08:00'), lines: [line(1, 4400)] }
  const feb = { id: 9, effectiveFrom: at('2027-02-01T00:00:00+08:00'), lines: [line(1, 4600)] }
  const past = { id: 3, effectiveFrom: at('2026-11-01T00:00:00+08:00'), lines: [line(1, 4000)] }

  it('only those later than the new time, in the order they take effect; the first changes from the new prices, the next from the first', () => {
    const waiting = waitingAfter(at('2026-12-01T00:00:00+08:00'), [line(1, 4200)], [feb, past, jan])
    expect(waiting.map((w) => [w.id, w.effectiveFrom])).toEqual([[7, '2027-01-01T00:00:00+08:00'], [9, '2027-02-01T00:00:00+08:00']])
    expect(waiting[0]!.changes.map((c) => c.text)).toEqual(['“服务1”：标准价 ¥42.00 → ¥44.00'])
    expect(waiting[1]!.changes.map((c) => c.text)).toEqual(['“服务1”：标准价 ¥44.00 → ¥46.00'])
  })

  it('none after a time later than all of them; one at the same time is not "later"', () => {
    expect(waitingAfter(at('2027-03-01T00:00:00+08:00'), [line(1, 1)], [jan, feb])).toEqual([])
    expect(waitingAfter(jan.effectiveFrom, [line(1, 1)], [jan]).map((w) => w.id)).toEqual([])
  })

  it('a waiting version with the same prices changes nothing, and says so by an empty list', () => {
    expect(waitingAfter(at('2026-12-01T00:00:00+08:00'), [line(1, 4400)], [jan])[0]!.changes).toEqual([])
  })
})

describe('confirmsWaiting', () => {
  const waiting = [{ id: 7, effectiveFrom: '', changes: [] }, { id: 9, effectiveFrom: '', changes: [] }]
  it('needs every waiting id among those confirmed', () => {
    expect(confirmsWaiting([], undefined)).toBe(true)
    expect(confirmsWaiting(waiting, undefined)).toBe(false)
    expect(confirmsWaiting(waiting, [7])).toBe(false)
    expect(confirmsWaiting(waiting, [9, 7, 12])).toBe(true)
  })
})
