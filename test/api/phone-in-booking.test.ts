import { sql } from 'drizzle-orm'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { DEMO_PHONES, staffPhone } from '../../server/src/seed/seed-demo'
import { act, book, CLEANING, fixedClock, newKey, query } from '../helpers/booking'
import { expectError } from '../helpers/expect-error'

/** 代客下单: staff and supervisors book through the residents' endpoints, for the elders the access rule allows. */
let app: TestApp
let staff1: string
let staff2: string
let elderFree: string
let family: string
let supervisor: string
beforeAll(async () => {
  app = await startTestApp({ clock: fixedClock })
  ;[staff1, staff2, elderFree, family, supervisor] = await Promise.all(
    [staffPhone(1, 1), staffPhone(2, 1), DEMO_PHONES.elderFree, DEMO_PHONES.family, DEMO_PHONES.supervisor].map((p) => app.login(p)),
  )
})
afterAll(() => app.close())

/** Elders 1–3 live inside station 1's circle only; elder 8 inside station 2's (the seed's geography). */
const at = (day: number, hour: number) => `2026-11-${day}T${String(hour).padStart(2, '0')}:00:00+08:00`
const STAFF1_TEXT = '由 兴隆养老服务驿站 周小梅 电话代订'

describe('staff book for an elder who phoned in', () => {
  it('inside their circle: the same quote and order endpoints, channel phone, and the elder and family read who placed it', async () => {
    const slots = await app.request.get('/api/bookable-slots').query({ elderId: 1, serviceId: CLEANING, date: '2026-11-24' }).set(bearer(staff1))
    expect(slots.status).toBe(200)
    expect((await app.request.get('/api/elders/1/coverage').set(bearer(staff1))).body.withinCircle).toBe(true)
    const body = { elderId: 1, serviceId: CLEANING, slotStart: at(24, 9) }
    const quote = await app.request.post('/api/quotes').set(bearer(staff1)).send(body)
    expect(quote.status).toBe(200)
    // The worker reads the price to the elder on the phone: it names her, it does not say 您.
    expect(quote.body.price.explanation).toMatch(/^王秀英/)
    expect(quote.body.price.explanation).not.toContain('您')

    const placed = await book(app, staff1, body)
    expect(placed.status).toBe(201)
    expect(placed.body).toMatchObject({
      status: 'assigned', channel: 'phone', elder: { id: 1 },
      placedBy: { role: 'staff', name: '周小梅', stationName: '兴隆养老服务驿站', text: STAFF1_TEXT },
    })
    expect(placed.body.price.explanation).toBe(quote.body.price.explanation)
    const [row] = await query(app, sql`SELECT placed_by_role AS role, channel, booked_by AS bookedBy FROM orders WHERE id = ${placed.body.id}`)
    expect(row).toMatchObject({ role: 'staff', channel: 'phone', bookedBy: 1011 })

    for (const token of [elderFree, family]) {
      const mine = await app.request.get('/api/orders').set(bearer(token))
      const seen = mine.body.orders.find((o: any) => o.id === placed.body.id)
      expect(seen).toMatchObject({ channel: 'phone', placedBy: { text: STAFF1_TEXT } })
      // The elder's own screen explains the price as it was confirmed on the phone.
      expect(seen.price.explanation).toBe(quote.body.price.explanation)
    }
    const detail = await app.request.get(`/api/orders/${placed.body.id}`).set(bearer(elderFree))
    expect(detail.body.placedBy.text).toBe(STAFF1_TEXT)
  })

  it('outside their circle: 404 on every booking endpoint, nothing written, nothing that says the elder exists', async () => {
    const body = { elderId: 1, serviceId: CLEANING, slotStart: at(24, 11) }
    expectError(await app.request.post('/api/quotes').set(bearer(staff2)).send(body), 404, 'ELDER_NOT_FOUND')
    expectError(await book(app, staff2, body), 404, 'ELDER_NOT_FOUND')
    expectError(await app.request.get('/api/bookable-slots').query({ elderId: 1, serviceId: CLEANING, date: '2026-11-24' }).set(bearer(staff2)), 404, 'ELDER_NOT_FOUND')
    expectError(await app.request.get('/api/elders/1/coverage').set(bearer(staff2)), 404, 'ELDER_NOT_FOUND')
    // A missing elder reads exactly the same.
    const missing = await book(app, staff2, { ...body, elderId: 999999 })
    expect(missing.status).toBe(404)
    expect(missing.body.error).toEqual((await book(app, staff2, body)).body.error)
    const [{ n }] = await query(app, sql`SELECT COUNT(*) AS n FROM orders WHERE booked_by = 1021`)
    expect(Number(n)).toBe(0)
    // Inside station 2's own circle the same worker books.
    const own = await book(app, staff2, { elderId: 8, serviceId: CLEANING, slotStart: at(24, 11) })
    expect(own.status).toBe(201)
    expect(own.body.placedBy.text).toBe('由 大山坪养老服务驿站 陈海涛 电话代订')
  })

  it('a pending profile is refused with what to do (409 ELDER_PENDING), for staff and supervisors alike', async () => {
    await query(app, sql`UPDATE elders SET status = 'pending' WHERE id = 3`)
    try {
      const body = { elderId: 3, serviceId: CLEANING, slotStart: at(24, 14) }
      for (const token of [staff1, supervisor]) {
        expectError(await app.request.post('/api/quotes').set(bearer(token)).send(body), 409, 'ELDER_PENDING')
        const refused = await book(app, token, body)
        expectError(refused, 409, 'ELDER_PENDING')
        expect(refused.body.error.message).toMatch(/确认/)
      }
    } finally {
      await query(app, sql`UPDATE elders SET status = 'active' WHERE id = 3`)
    }
  })
})

describe('everyone else books as before', () => {
  it('the elder books for themself (self), the family for a bound parent (family)', async () => {
    const self = await book(app, await app.login(DEMO_PHONES.elderLow), { elderId: 2, serviceId: CLEANING, slotStart: at(25, 9) })
    expect(self.status).toBe(201)
    expect(self.body).toMatchObject({ channel: 'self', placedBy: { role: 'elder', stationName: null, text: '本人预约' } })
    expect(self.body.price.explanation).toMatch(/^您/)
    const byDaughter = await book(app, family, { elderId: 1, serviceId: CLEANING, slotStart: at(25, 9) })
    expect(byDaughter.status).toBe(201)
    expect(byDaughter.body).toMatchObject({ channel: 'family', placedBy: { role: 'family', stationName: null, text: '由家人 王丽（王秀英的女儿） 代订' } })
  })

  it('a supervisor books for anyone in the district, and is named as such', async () => {
    for (const elderId of [3, 8]) {
      const res = await book(app, supervisor, { elderId, serviceId: CLEANING, slotStart: at(25, 14) })
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({ channel: 'phone', placedBy: { role: 'supervisor', text: '由 民政监管 江阳区民政局 刘科长 电话代订' } })
      // The supervisor reads the elder's phone masked, even on an order they placed.
      expect(res.body.elder.phone ?? '').not.toMatch(/^\d{11}$/)
    }
  })

  it('a station admin books inside the station circle too; an elder or an unbound relative still cannot book for others', async () => {
    const admin = await app.login(DEMO_PHONES.adminStation1)
    const res = await book(app, admin, { elderId: 3, serviceId: CLEANING, slotStart: at(26, 9) })
    expect(res.status).toBe(201)
    expect(res.body.placedBy).toMatchObject({ role: 'station_admin', stationName: '兴隆养老服务驿站' })
    expectError(await book(app, await app.login(DEMO_PHONES.familyUnbound), { elderId: 1, serviceId: CLEANING, slotStart: at(26, 11) }), 404, 'ELDER_NOT_FOUND')
    expectError(await book(app, elderFree, { elderId: 3, serviceId: CLEANING, slotStart: at(26, 11) }), 404, 'ELDER_NOT_FOUND')
  })
})

describe('idempotency and following the order afterwards', () => {
  it('keys are per calling user: the staff retry replays, the same key from the family is a booking of its own', async () => {
    const key = newKey()
    const body = { elderId: 1, serviceId: CLEANING, slotStart: at(26, 15) }
    const first = await book(app, staff1, body, key)
    expect(first.status).toBe(201)
    const again = await book(app, staff1, body, key)
    expect(again.status).toBe(201)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(again.body).toEqual(first.body)
    expectError(await book(app, staff1, { ...body, slotStart: at(26, 16) }, key), 422, 'IDEMPOTENCY_KEY_REUSED')
    const familyOwn = await book(app, family, { ...body, slotStart: at(27, 9) }, key)
    expect(familyOwn.status).toBe(201)
    expect(familyOwn.body.id).not.toBe(first.body.id)
  })

  it('an order routed to another station: the full order in the answer, the placer can still open it (no buttons), it is not in their station list, and they cannot act on it', async () => {
    // Elder 2 lives inside station 1's circle, but 长江大道 (station 27) is nearer: routing picks it.
    const placed = await book(app, staff1, { elderId: 2, serviceId: CLEANING, slotStart: at(27, 10) })
    expect(placed.status).toBe(201)
    const servingId = placed.body.station.id
    expect(servingId).not.toBe(1)
    expect(placed.body).toMatchObject({ status: 'assigned', channel: 'phone', elder: { id: 2, phone: '13800000002' }, placedBy: { text: STAFF1_TEXT }, allowedActions: [] })
    expect(placed.body.price.payableFen).toEqual(expect.any(Number))
    const opened = await app.request.get(`/api/orders/${placed.body.id}`).set(bearer(staff1))
    expect(opened.status).toBe(200)
    expect(opened.body).toMatchObject({ station: { id: servingId }, placedBy: { text: STAFF1_TEXT }, allowedActions: [] })
    const list = await app.request.get('/api/orders').query({ date: '2026-11-27' }).set(bearer(staff1))
    expect(list.body.orders.map((o: any) => o.id)).not.toContain(placed.body.id)
    expectError(await act(app, staff1, placed.body.id, 'accept'), 404, 'NOT_FOUND')
    // Another worker of station 1 who did not place it sees nothing.
    expect((await app.request.get(`/api/orders/${placed.body.id}`).set(bearer(await app.login(staffPhone(1, 2))))).status).toBe(404)
    // The serving station sees it as its own, with its buttons.
    const serving = await app.login(staffPhone(servingId, 1))
    expect((await app.request.get(`/api/orders/${placed.body.id}`).set(bearer(serving))).body.allowedActions).toEqual(['accept', 'decline'])
    expect((await act(app, serving, placed.body.id, 'accept')).body.status).toBe('accepted')
  })
})
