import { sql } from 'drizzle-orm'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { DEMO_PHONES, staffPhone } from '../../server/src/seed/seed-demo'
import { act, book, CLEANING, NOW, query } from '../helpers/booking'
import { expectError } from '../helpers/expect-error'

const DAY = 86_400_000
let now = NOW
let app: TestApp
let elder: string // 王秀英
let daughter: string
beforeAll(async () => {
  app = await startTestApp({ clock: () => now })
  elder = await app.login(DEMO_PHONES.elderFree)
  daughter = await app.login(DEMO_PHONES.family)
})
afterAll(() => app.close())

let hour = 8
/** A completed visit of 王秀英's, checked out at its slot's end. */
async function completedVisit(done = true) {
  now = NOW
  hour += 1
  const slot = `2026-11-24T${String(hour).padStart(2, '0')}:00:00+08:00`
  const res = await book(app, daughter, { elderId: 1, serviceId: CLEANING, slotStart: slot })
  expect(res.status).toBe(201)
  const staff = await app.login(staffPhone(res.body.station.id, 1))
  await act(app, staff, res.body.id, 'accept')
  if (done) {
    now = new Date(slot)
    await act(app, staff, res.body.id, 'start')
    now = new Date(now.getTime() + 60 * 60_000)
    expect((await act(app, staff, res.body.id, 'complete', { chargedFen: 0 })).status).toBe(200)
  }
  return { id: res.body.id as number, stationId: res.body.station.id as number, staff }
}
const rate = (token: string, id: number, body: Record<string, unknown>) => app.request.post(`/api/orders/${id}/rating`).set(bearer(token)).send(body)

describe('rating a visit (星级评定)', () => {
  it('once per completed order by the elder or bound family; changed within 7 days, not after', async () => {
    const v = await completedVisit()
    const first = await rate(elder, v.id, { stars: 4, comment: '打扫得很干净' })
    expect(first.status).toBe(201)
    expect(first.body.rating).toEqual({ stars: 4, comment: '打扫得很干净', ratedAt: expect.any(String), editableUntil: expect.any(String) })
    now = new Date(now.getTime() + 6 * DAY)
    const changed = await rate(daughter, v.id, { stars: 2, comment: '后来发现柜子没擦' })
    expect(changed.status).toBe(200)
    expect(changed.body.rating).toMatchObject({ stars: 2, comment: '后来发现柜子没擦' })
    const [{ n }] = await query(app, sql`SELECT COUNT(*) AS n FROM ratings WHERE order_id = ${v.id}`)
    expect(Number(n)).toBe(1)
    now = new Date(now.getTime() + 2 * DAY)
    expectError(await rate(elder, v.id, { stars: 5 }), 409, 'ILLEGAL_TRANSITION')
  })

  it('refuses before check-out, from anyone not acting for the elder, and out-of-range stars', async () => {
    const open = await completedVisit(false)
    expectError(await rate(elder, open.id, { stars: 5 }), 409, 'ILLEGAL_TRANSITION')
    const v = await completedVisit()
    expectError(await rate(await app.login(DEMO_PHONES.familyUnbound), v.id, { stars: 5 }), 404, 'NOT_FOUND')
    expectError(await rate(await app.login(DEMO_PHONES.elderPaid), v.id, { stars: 5 }), 404, 'NOT_FOUND')
    expectError(await rate(v.staff, v.id, { stars: 5 }), 403, 'FORBIDDEN')
    for (const stars of [0, 6, 4.5, '5', null]) expectError(await rate(elder, v.id, { stars }), 400, 'VALIDATION_FAILED')
    expectError(await rate(elder, v.id, { stars: 5, comment: 'x'.repeat(201) }), 400, 'VALIDATION_FAILED')
    const [{ n }] = await query(app, sql`SELECT COUNT(*) AS n FROM ratings WHERE order_id = ${v.id}`)
    expect(Number(n)).toBe(0)
  })

  it('a station shows 暂无评分 until 5 ratings in 90 days, then their mean, on its board and in the nearby list', async () => {
    const visits = [] as { id: number; stationId: number }[]
    for (let i = 0; i < 5; i++) visits.push(await completedVisit())
    const station = visits[0].stationId
    await query(app, sql`DELETE FROM ratings WHERE station_id = ${station}`)
    const board = async () => (await app.request.get(`/api/stations/${station}/price-board`)).body.station
    const stars = [5, 4, 5, 4]
    for (const [i, s] of stars.entries()) await rate(elder, visits[i].id, { stars: s })
    expect(await board()).toMatchObject({ rating: null, ratingCount: 4 })
    await rate(elder, visits[4].id, { stars: 3 })
    expect(await board()).toMatchObject({ rating: 4.2, ratingCount: 5 })
    const [home] = await query(app, sql`SELECT home_lat AS lat, home_lng AS lng FROM elders WHERE id = 1`)
    const nearby = (await app.request.get(`/api/stations/nearby?lat=${home.lat}&lng=${home.lng}`)).body.stations
    expect(nearby.find((s: any) => s.id === station)).toMatchObject({ rating: 4.2, ratingCount: 5 })
    expect(nearby.filter((s: any) => s.id !== station).every((s: any) => s.rating === null)).toBe(true)
  })
})
