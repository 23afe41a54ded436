import { sql } from 'drizzle-orm'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { DEMO_PHONES, adminPhone, staffPhone } from '../../server/src/seed/seed-demo'
import { act, book, CLEANING, NOW, query } from '../helpers/booking'
import { expectError } from '../helpers/expect-error'
import { sweepComplaintDeadlines } from '../../server/src/complaints/sweep-deadlines'

const DAY = 86_400_000
let now = NOW
let app: TestApp
let elder: string // 张桂兰 (paid)
let supervisor: string
let station: number
beforeAll(async () => {
  app = await startTestApp({ clock: () => now })
  elder = await app.login(DEMO_PHONES.elderPaid)
  supervisor = await app.login(DEMO_PHONES.supervisor)
})
afterAll(() => app.close())

let hour = 8
async function completed(chargeExtraFen: number) {
  now = NOW
  hour += 1
  const slot = `2026-11-24T${String(hour).padStart(2, '0')}:00:00+08:00`
  const res = await book(app, elder, { elderId: 3, serviceId: CLEANING, slotStart: slot })
  station = res.body.station.id
  const staff = await app.login(staffPhone(station, 1))
  await act(app, staff, res.body.id, 'accept')
  now = new Date(slot)
  await act(app, staff, res.body.id, 'start')
  now = new Date(now.getTime() + 3_600_000)
  await act(app, staff, res.body.id, 'complete', { chargedFen: res.body.price.payableFen + chargeExtraFen })
  return res.body.id as number
}
const report = (token: string, q: string) => app.request.get(`/api/reports/stations?${q}`).set(bearer(token))

describe('per-station figures for a period', () => {
  it('counts completed orders, overcharges, complaints per 100 orders and the share answered in time', async () => {
    const ids = [await completed(0), await completed(1500), await completed(0), await completed(0)]
    now = NOW
    const file = (orderId: number, category: string) => app.request.post('/api/complaints').set(bearer(elder)).send({ orderId, category, description: '收费和说好的不一样', anonymous: false })
    const a = (await file(ids[1], 'fee')).body.id
    const b = (await file(ids[0], 'quality')).body.id
    const admin = await app.login(adminPhone(station))
    now = new Date(NOW.getTime() + 3_600_000)
    await app.request.post(`/api/complaints/${a}/respond`).set(bearer(admin)).send({ message: '收到' })
    await app.request.post(`/api/complaints/${a}/resolve`).set(bearer(admin)).send({ message: '已退还多收的 15 元', refundFen: 1500 })
    now = new Date(NOW.getTime() + 2 * DAY) // b was never acknowledged: late
    await sweepComplaintDeadlines(app.deps)

    const res = await report(supervisor, 'from=2026-11-23&to=2026-11-30')
    expect(res.status).toBe(200)
    const row = res.body.stations.find((s: any) => s.station.id === station)
    expect(row).toMatchObject({ completedOrders: 4, overchargeFlags: 1, complaints: 2, complaintsPer100Orders: 50, acknowledgedInTimeShare: 0.5, resolvedInTimeShare: 1, rating: null })
    expect(res.body.stations).toHaveLength(30)
    const other = res.body.stations.find((s: any) => s.station.id !== station)
    expect(other).toMatchObject({ completedOrders: 0, complaints: 0, complaintsPer100Orders: null, acknowledgedInTimeShare: null })
    // Another period holds none of it.
    const before = (await report(supervisor, 'from=2026-10-01&to=2026-10-31')).body.stations.find((s: any) => s.station.id === station)
    expect(before).toMatchObject({ completedOrders: 0, complaints: 0 })
  })

  it('is the supervisor’s; a period must be real and at most a year', async () => {
    for (const phone of [DEMO_PHONES.elderFree, adminPhone(1), DEMO_PHONES.staffStation1]) expectError(await report(await app.login(phone), 'from=2026-11-01&to=2026-11-30'), 403, 'FORBIDDEN')
    expectError(await report(supervisor, 'from=2026-11-30&to=2026-11-01'), 400, 'VALIDATION_FAILED')
    expectError(await report(supervisor, 'from=2025-01-01&to=2026-11-30'), 400, 'VALIDATION_FAILED')
    expectError(await report(supervisor, 'from=2026-02-30&to=2026-03-01'), 400, 'VALIDATION_FAILED')
    expectError(await report(supervisor, 'to=2026-03-01'), 400, 'VALIDATION_FAILED')
  })
})

describe('红黑榜 (public)', () => {
  it('lists the best-rated stations (from 5 ratings) and the suspended ones with their reasons, without login', async () => {
    await query(app, sql`UPDATE stations SET rating_tenths = 48, rating_count = 9 WHERE id = 4`)
    await query(app, sql`UPDATE stations SET rating_tenths = 50, rating_count = 3 WHERE id = 5`)
    await app.request.post('/api/stations/6/suspend').set(bearer(supervisor)).send({ reason: '多次超标准收费', reroute: false })
    const res = await app.request.get('/api/honour-board')
    expect(res.status).toBe(200)
    expect(res.body.best[0]).toMatchObject({ id: 4, rating: 4.8, ratingCount: 9 })
    expect(res.body.best.map((s: any) => s.id)).not.toContain(5)
    expect(res.body.suspended).toEqual([expect.objectContaining({ id: 6, reason: '多次超标准收费' })])
  })
})
