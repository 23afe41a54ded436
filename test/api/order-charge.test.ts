import { sql } from 'drizzle-orm'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { DEMO_PHONES, adminPhone, staffPhone } from '../../server/src/seed/seed-demo'
import { act, book, CLEANING, NOW, query } from '../helpers/booking'
import { expectError } from '../helpers/expect-error'

let now = NOW
let app: TestApp
let elder: string // 张桂兰, paid tier: every visit has a price
let supervisor: string
beforeAll(async () => {
  app = await startTestApp({ clock: () => now })
  elder = await app.login(DEMO_PHONES.elderPaid)
  supervisor = await app.login(DEMO_PHONES.supervisor)
})
afterAll(() => app.close())

let hour = 8
/** A paid cleaning visit, accepted and checked in at its slot. */
async function visitInService() {
  now = NOW
  hour += 1
  const slot = `2026-11-24T${String(hour).padStart(2, '0')}:00:00+08:00`
  const res = await book(app, elder, { elderId: 3, serviceId: CLEANING, slotStart: slot })
  expect(res.status).toBe(201)
  const staff = await app.login(staffPhone(res.body.station.id, 1))
  await act(app, staff, res.body.id, 'accept')
  now = new Date(slot)
  expect((await act(app, staff, res.body.id, 'start')).status).toBe(200)
  now = new Date(now.getTime() + 60 * 60_000)
  return { id: res.body.id as number, stationId: res.body.station.id as number, payable: res.body.price.payableFen as number, staff }
}

describe('the charge at check-out', () => {
  it('is required, in whole fen, never negative', async () => {
    const v = await visitInService()
    expectError(await act(app, v.staff, v.id, 'complete', {}), 400, 'VALIDATION_FAILED')
    expectError(await act(app, v.staff, v.id, 'complete', { chargedFen: -1 }), 400, 'VALIDATION_FAILED')
    expectError(await act(app, v.staff, v.id, 'complete', { chargedFen: 12.5 }), 400, 'VALIDATION_FAILED')
    expectError(await act(app, v.staff, v.id, 'complete', { chargedFen: '4000' }), 400, 'VALIDATION_FAILED')
    const [{ status }] = await query(app, sql`SELECT status FROM orders WHERE id = ${v.id}`)
    expect(status).toBe('in_service')
  })

  it('as quoted: stored, no flag', async () => {
    const v = await visitInService()
    const done = await act(app, v.staff, v.id, 'complete', { chargedFen: v.payable })
    expect(done.body.charge).toEqual({ quotedFen: v.payable, chargedFen: v.payable, flag: null, text: expect.stringContaining('与预约时一致') })
  })

  it('more than quoted: the order is flagged, the elder reads it plainly, a fee complaint carries it as evidence', async () => {
    const v = await visitInService()
    expect(v.payable).toBeGreaterThan(0)
    await act(app, v.staff, v.id, 'complete', { chargedFen: v.payable + 2000 })
    const mine = (await app.request.get(`/api/orders/${v.id}`).set(bearer(elder))).body
    expect(mine.charge).toMatchObject({ flag: 'overcharge', chargedFen: v.payable + 2000 })
    expect(mine.charge.text).toMatch(/^实收 ¥[\d.]+，比预约时的 ¥[\d.]+ 多 ¥20\.00$/)
    const filed = await app.request.post('/api/complaints').set(bearer(elder)).send({ orderId: v.id, category: 'fee', description: '多收了二十块钱', anonymous: false })
    expect(filed.status).toBe(201)
    expect(filed.body.evidence).toMatchObject({ quotedPayableFen: v.payable, chargedFen: v.payable + 2000, tier: 'paid' })
  })

  it('less than quoted is flagged too; supervisors list the flagged orders, a station may not (it would name an anonymous fee complainant)', async () => {
    const v = await visitInService()
    await act(app, v.staff, v.id, 'complete', { chargedFen: 0 })
    const list = async (token: string, flag: string) => {
      const res = await app.request.get(`/api/orders?chargeFlag=${flag}&limit=100`).set(bearer(token))
      expect(res.status).toBe(200)
      return res.body.orders as { id: number; charge: { flag: string } }[]
    }
    const any = await list(supervisor, 'any')
    expect(any.map((o) => o.charge.flag).sort()).toEqual(['overcharge', 'undercharge'])
    expect((await list(supervisor, 'undercharge')).map((o) => o.id)).toEqual([v.id])
    for (const station of [await app.login(adminPhone(v.stationId)), await app.login(adminPhone(v.stationId === 2 ? 3 : 2))]) {
      expectError(await app.request.get('/api/orders?chargeFlag=any').set(bearer(station)), 403, 'FORBIDDEN')
    }
    expectError(await app.request.get('/api/orders?chargeFlag=maybe').set(bearer(supervisor)), 400, 'VALIDATION_FAILED')
  })
})
