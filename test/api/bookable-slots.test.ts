import { sql } from 'drizzle-orm'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { DEMO_PHONES } from '../../server/src/seed/seed-demo'
import { act, book, CLEANING, eldersNearStationOne, fixedClock, onlyStationOne, query, SLOT } from '../helpers/booking'

/** GET /api/bookable-slots tells the page the true reason for every slot, and GET /api/elders/:id/coverage the circle. */
let app: TestApp
let elderLow: string
let outside: string

beforeAll(async () => {
  app = await startTestApp({ clock: fixedClock })
  ;[elderLow, outside] = await Promise.all([app.login(DEMO_PHONES.elderLow), app.login(DEMO_PHONES.elderOutside)])
})
afterAll(() => app.close())

const slotsOf = (token: string, elderId: number, date = '2026-11-24', serviceId = CLEANING) =>
  app.request.get('/api/bookable-slots').query({ elderId, serviceId, date }).set(bearer(token))
const at = (body: any, slotStart: string) => body.slots.find((s: any) => s.slotStart === slotStart)

describe('an elder outside every circle', () => {
  it('gets no slots but the reason up front: the nearest station, how far, and 12349', async () => {
    const res = await slotsOf(outside, 4)
    expect(res.status).toBe(200)
    expect(res.body.slots).toEqual([])
    const o = res.body.outsideCircle
    expect(o.hotline).toBe('12349')
    expect(o.message).toContain('15 分钟')
    expect(o.message).toContain('12349')
    expect(o.nearestStation).toMatchObject({ name: expect.stringMatching(/驿站|综合体/), phone: expect.stringMatching(/^[\d-]{7,}$/) })
    expect(o.nearestStation.distanceMeters).toBeGreaterThan(0)
    expect(o.nearestStation.travelMinutes).toBeGreaterThan(15)
    // The same station the booking itself names when it refuses.
    const quote = await app.request.post('/api/quotes').set(bearer(outside)).send({ elderId: 4, serviceId: CLEANING, slotStart: SLOT })
    expect(quote.body.error.details.nearestStation).toMatchObject({ id: o.nearestStation.id, distanceMeters: o.nearestStation.distanceMeters, travelMinutes: o.nearestStation.travelMinutes })
  })

  it('GET /api/elders/:id/coverage says it without a service or a day; covered elders get withinCircle', async () => {
    const res = await app.request.get('/api/elders/4/coverage').set(bearer(outside))
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ elderId: 4, withinCircle: false, outsideCircle: { hotline: '12349', nearestStation: { name: expect.any(String) } } })
    const covered = await app.request.get('/api/elders/2/coverage').set(bearer(elderLow))
    expect(covered.status).toBe(200)
    expect(covered.body).toEqual({ elderId: 2, withinCircle: true, outsideCircle: null })
    expect((await slotsOf(elderLow, 2)).body.outsideCircle).toBeNull()
  })

  it('coverage: someone else’s elder → 404, no login → 401, staff of a station not covering the home → 404, a bad id → 400', async () => {
    expect((await app.request.get('/api/elders/4/coverage').set(bearer(elderLow))).status).toBe(404)
    expect((await app.request.get('/api/elders/4/coverage')).status).toBe(401)
    // Staff read coverage for a phone-in booking, only inside their own station's circle (elder 2 lives by station 1).
    expect((await app.request.get('/api/elders/2/coverage').set(bearer(await app.login(DEMO_PHONES.staffStation1)))).status).toBe(200)
    expect((await app.request.get('/api/elders/2/coverage').set(bearer(await app.login(DEMO_PHONES.staffStation2)))).status).toBe(404)
    const bad = await app.request.get('/api/elders/x/coverage').set(bearer(elderLow))
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toMatch(/[\u4e00-\u9fff]/)
  })
})

describe('a slot that overlaps another visit of the same elder', () => {
  const ESCORT = 5 // 陪同就医, 120 min, medical: nothing else at home meanwhile
  const MEAL = 1 // 助餐送餐, 30 min: combinable with a cleaning
  const DAY = '2026-11-25'
  const cleaningMs = 60 * 60_000
  const overlapsEscort = (slotStart: string) => {
    const t = Date.parse(slotStart)
    return t < Date.parse(`${DAY}T12:00:00+08:00`) && t + cleaningMs > Date.parse(`${DAY}T10:00:00+08:00`)
  }

  it('is "overlaps" with the reason in words — booking refuses exactly those — and every slot shown available really books', async () => {
    const escort = await book(app, elderLow, { elderId: 2, serviceId: ESCORT, slotStart: `${DAY}T10:00:00+08:00` })
    expect(escort.status).toBe(201)
    const { slots } = (await slotsOf(elderLow, 2, DAY)).body
    const overlapping = slots.filter((s: any) => overlapsEscort(s.slotStart))
    expect(overlapping.length).toBeGreaterThan(0)
    for (const s of overlapping) {
      expect(s).toMatchObject({ status: 'overlaps', available: false, heldOrderId: null, reason: '这个时间您已约了陪同就医（10:00–12:00）' })
    }
    expect(slots.filter((s: any) => !overlapsEscort(s.slotStart)).every((s: any) => s.status !== 'overlaps' && s.reason === null)).toBe(true)
    // The list and the booking apply one rule: each overlapping slot is refused, each available one books.
    for (const s of overlapping) expect((await book(app, elderLow, { elderId: 2, serviceId: CLEANING, slotStart: s.slotStart })).body.error?.code).toBe('VISIT_OVERLAPS')
    const open = slots.filter((s: any) => s.available)
    expect(open.length).toBeGreaterThan(0)
    for (const s of open) {
      const res = await book(app, elderLow, { elderId: 2, serviceId: CLEANING, slotStart: s.slotStart })
      expect([s.slotStart, res.status]).toEqual([s.slotStart, 201])
      expect((await act(app, elderLow, res.body.id, 'cancel')).status).toBe(200)
    }
  })

  it('a combinable visit (a meal during a cleaning) is still offered and books; a cancelled visit frees its hours', async () => {
    const cleaning = await book(app, elderLow, { elderId: 2, serviceId: CLEANING, slotStart: `${DAY}T17:00:00+08:00` })
    expect(cleaning.status).toBe(201)
    const meal = at((await slotsOf(elderLow, 2, DAY, MEAL)).body, `${DAY}T17:00:00+08:00`)
    expect(meal).toMatchObject({ status: 'open', available: true, reason: null })
    const mealBooked = await book(app, elderLow, { elderId: 2, serviceId: MEAL, slotStart: meal.slotStart })
    expect(mealBooked.status).toBe(201)
    expect((await act(app, elderLow, mealBooked.body.id, 'cancel')).status).toBe(200)
    // An escort (2 hours) starting 16:00 or 17:00 would still be under way at 17:00.
    const escortAt = async () => (await slotsOf(elderLow, 2, DAY, ESCORT)).body.slots.filter((s: any) => [`${DAY}T16:00:00+08:00`, `${DAY}T17:00:00+08:00`].includes(s.slotStart))
    const clashing = await escortAt()
    expect(clashing.length).toBeGreaterThan(0)
    for (const s of clashing) expect(s).toMatchObject({ status: 'overlaps', available: false, reason: '这个时间您已约了居家保洁（17:00–18:00）' })
    expect((await act(app, elderLow, cleaning.body.id, 'cancel')).status).toBe(200)
    for (const s of await escortAt()) expect(s).toMatchObject({ status: 'open', available: true, reason: null })
  })
})

describe('every slot says why', () => {
  it('a slot the elder already holds is "held" with its order id, not offered again; after cancelling it is open', async () => {
    const before = at((await slotsOf(elderLow, 2)).body, SLOT)
    expect(before).toMatchObject({ status: 'open', available: true, heldOrderId: null })
    const booked = await book(app, elderLow, { elderId: 2, serviceId: CLEANING, slotStart: SLOT })
    expect(booked.status).toBe(201)
    const held = at((await slotsOf(elderLow, 2)).body, SLOT)
    expect(held).toMatchObject({ status: 'held', available: false, heldOrderId: booked.body.id })
    // Another service at the same time is not held.
    const other = (await slotsOf(elderLow, 2, '2026-11-24', 1)).body.slots.filter((s: any) => s.heldOrderId !== null)
    expect(other).toEqual([])
    expect((await act(app, elderLow, booked.body.id, 'cancel')).status).toBe(200)
    expect(at((await slotsOf(elderLow, 2)).body, SLOT)).toMatchObject({ status: 'open', available: true, heldOrderId: null })
  })

  it('past slots are "past"; a slot with no room anywhere is "full"; hours no station works are "closed"', async () => {
    const today = (await slotsOf(elderLow, 2, '2026-11-23')).body
    expect(at(today, '2026-11-23T08:00:00+08:00')).toMatchObject({ status: 'past', available: false })

    await onlyStationOne(app, 1)
    const { elderIds, token } = await eldersNearStationOne(app, 2, '13911110001')
    expect((await book(app, token, { elderId: elderIds[0], serviceId: CLEANING, slotStart: SLOT })).status).toBe(201)
    const seen = (await slotsOf(token, elderIds[1])).body
    expect(at(seen, SLOT)).toMatchObject({ status: 'full', available: false, heldOrderId: null })
    expect(at(seen, '2026-11-24T10:00:00+08:00')).toMatchObject({ status: 'open', available: true })
    expect(at((await slotsOf(token, elderIds[0])).body, SLOT)).toMatchObject({ status: 'held' })

    await query(app, sql`UPDATE capacity_rules SET capacity = 0 WHERE station_id = 1 AND category = 'cleaning'`)
    app.deps.stationFacts.invalidate()
    const closed = (await slotsOf(token, elderIds[1])).body
    expect(closed.slots.length).toBeGreaterThan(0)
    expect(closed.slots.every((s: any) => s.status === 'closed' && !s.available)).toBe(true)
    expect(closed.serviceOffered).toBe(true)
  })
})
