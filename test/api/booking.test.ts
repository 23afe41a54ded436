import { sql } from 'drizzle-orm'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { DEMO_PHONES, staffPhone } from '../../server/src/seed/seed-demo'
import { act, book, CLEANING, fixedClock, newKey, query, SLOT } from '../helpers/booking'

let app: TestApp
let elderLow: string
let elderPaid: string
let family: string

beforeAll(async () => {
  app = await startTestApp({ clock: fixedClock })
  ;[elderLow, elderPaid, family] = await Promise.all([app.login(DEMO_PHONES.elderLow), app.login(DEMO_PHONES.elderPaid), app.login(DEMO_PHONES.family)])
})
afterAll(() => app.close())

const staffOf = (stationId: number) => app.login(staffPhone(stationId, 1))

describe('quotes', () => {
  it('routes to the nearest station in the circle, explains it, and prices by tier with purchased minutes', async () => {
    const res = await app.request.post('/api/quotes').set(bearer(elderLow)).send({ elderId: 2, serviceId: CLEANING, slotStart: SLOT })
    expect(res.status).toBe(200)
    expect(res.body.route.explanation).toMatch(/驿站，(步行|骑电动车)约 \d+ 分钟（约 \d+ 米）/)
    expect(res.body.route.travelMinutes).toBeLessThanOrEqual(15)
    const [item] = await query(app, sql`SELECT pi.low_fen, pi.paid_fen FROM price_items pi JOIN price_versions pv ON pv.id = pi.price_version_id
      WHERE pv.id = ${res.body.price.priceVersionId} AND pi.service_id = ${CLEANING}`)
    expect(res.body.price).toMatchObject({ tier: 'low', listPriceFen: item.paid_fen, tierPriceFen: item.low_fen, payableFen: 0, subsidyFen: item.paid_fen, hoursUsedMinutes: 60, hoursRemainingMinutes: 120 })
  })

  it('family members quote for a bound parent; others get a 404 that leaks nothing', async () => {
    expect((await app.request.post('/api/quotes').set(bearer(family)).send({ elderId: 1, serviceId: CLEANING, slotStart: SLOT })).status).toBe(200)
    const unbound = await app.login(DEMO_PHONES.familyUnbound)
    const r1 = await app.request.post('/api/quotes').set(bearer(unbound)).send({ elderId: 1, serviceId: CLEANING, slotStart: SLOT })
    expect(r1.status).toBe(404)
    expect(r1.body.error.code).toBe('ELDER_NOT_FOUND')
    const r2 = await app.request.post('/api/quotes').set(bearer(elderLow)).send({ elderId: 3, serviceId: CLEANING, slotStart: SLOT })
    expect(r2.status).toBe(404)
    // Staff quote for an elder who phoned in only inside their station's circle (phone-in-booking.test.ts): elder 2 lives by station 1.
    const staff = await staffOf(2)
    expect((await app.request.post('/api/quotes').set(bearer(staff)).send({ elderId: 2, serviceId: CLEANING, slotStart: SLOT })).status).toBe(404)
  })

  it('a home outside every circle gets NO_STATION_IN_CIRCLE with the nearest station and 12349, not a dead end', async () => {
    const t = await app.login(DEMO_PHONES.elderOutside)
    const res = await app.request.post('/api/quotes').set(bearer(t)).send({ elderId: 4, serviceId: CLEANING, slotStart: SLOT })
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('NO_STATION_IN_CIRCLE')
    expect(res.body.error.message).toContain('12349')
    expect(res.body.error.details.nearestStation.name).toMatch(/驿站|综合体/)
  })

  it.each([
    ['off the slot grid', { elderId: 2, serviceId: CLEANING, slotStart: '2026-11-24T09:30:00+08:00' }, 'SLOT_NOT_BOOKABLE'],
    ['outside opening hours', { elderId: 2, serviceId: CLEANING, slotStart: '2026-11-24T21:00:00+08:00' }, 'SLOT_NOT_BOOKABLE'],
    ['in the past', { elderId: 2, serviceId: CLEANING, slotStart: '2026-11-22T09:00:00+08:00' }, 'SLOT_NOT_BOOKABLE'],
    ['no offset in the time', { elderId: 2, serviceId: CLEANING, slotStart: '2026-11-24 09:00' }, 'VALIDATION_FAILED'],
    ['missing service', { elderId: 2, slotStart: SLOT }, 'VALIDATION_FAILED'],
    ['elder id as text', { elderId: 'x', serviceId: CLEANING, slotStart: SLOT }, 'VALIDATION_FAILED'],
  ])('bad request (%s) → 400 %s with a Chinese message', async (_name, body, code) => {
    const res = await app.request.post('/api/quotes').set(bearer(elderLow)).send(body)
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe(code)
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
  })

  it('unknown service → 404', async () => {
    expect((await app.request.post('/api/quotes').set(bearer(elderLow)).send({ elderId: 2, serviceId: 999, slotStart: SLOT })).status).toBe(404)
  })
})

describe('bookable slots', () => {
  it('lists only slots some station in reach can serve, and 404s for an elder that is not yours', async () => {
    const res = await app.request.get('/api/bookable-slots').query({ elderId: 2, serviceId: CLEANING, date: '2026-11-24' }).set(bearer(elderLow))
    expect(res.status).toBe(200)
    expect(res.body.slots.length).toBe(10)
    expect(res.body.slots[0].slotStart).toBe('2026-11-24T08:00:00+08:00')
    const today = await app.request.get('/api/bookable-slots').query({ elderId: 2, serviceId: CLEANING, date: '2026-11-23' }).set(bearer(elderLow))
    expect(today.body.slots[0].available).toBe(false) // 08:00 today is now: too late to book
    expect((await app.request.get('/api/bookable-slots').query({ elderId: 3, serviceId: CLEANING, date: '2026-11-24' }).set(bearer(elderLow))).status).toBe(404)
    expect((await app.request.get('/api/bookable-slots').query({ elderId: 2, serviceId: CLEANING, date: '24/11/2026' }).set(bearer(elderLow))).status).toBe(400)
  })

  it('station slots show capacity, booked and available', async () => {
    const res = await app.request.get('/api/stations/1/slots').query({ date: '2026-11-24', serviceId: CLEANING })
    expect(res.status).toBe(200)
    expect(res.body.slots[0]).toMatchObject({ capacity: 2, booked: 0, available: 2 })
    expect((await app.request.get('/api/stations/1/slots').query({ date: 'x', serviceId: CLEANING })).status).toBe(400)
    expect((await app.request.get('/api/stations/99999/slots').query({ date: '2026-11-24', serviceId: CLEANING })).status).toBe(404)
  })
})

describe('orders: idempotency', () => {
  const body = { elderId: 3, serviceId: 6, slotStart: '2026-11-24T14:00:00+08:00' }

  it('missing key → 400; the same key and body → the same order; another body → 422', async () => {
    const none = await book(app, elderPaid, body, null)
    expect(none.status).toBe(400)
    expect(none.body.error.code).toBe('IDEMPOTENCY_KEY_MISSING')
    const key = newKey()
    const first = await book(app, elderPaid, body, key)
    expect(first.status).toBe(201)
    const again = await book(app, elderPaid, body, key)
    expect(again.status).toBe(201)
    expect(again.body.id).toBe(first.body.id)
    expect(again.headers['idempotent-replayed']).toBe('true')
    const other = await book(app, elderPaid, { ...body, slotStart: '2026-11-24T15:00:00+08:00' }, key)
    expect(other.status).toBe(422)
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED')
    // Keys are scoped to the caller: another user may use the same key string.
    const fam = await book(app, family, { elderId: 1, serviceId: 6, slotStart: '2026-11-24T14:00:00+08:00' }, key)
    expect(fam.status).toBe(201)
    const [{ n }] = await query(app, sql`SELECT COUNT(*) AS n FROM orders WHERE elder_id = 3`)
    expect(Number(n)).toBe(1)
  })

  it('booking the same service and slot twice with new keys is refused', async () => {
    const dup = await book(app, elderPaid, body)
    expect(dup.status).toBe(409)
    expect(dup.body.error.code).toBe('ALREADY_BOOKED')
  })
})

describe('idempotency keys are kept 24 hours, then purged', () => {
  it('purges only expired keys', async () => {
    const { purgeExpiredKeys } = await import('../../server/src/orders/purge-expired-keys')
    const key = newKey()
    expect((await book(app, elderPaid, { elderId: 3, serviceId: 6, slotStart: '2026-11-24T16:00:00+08:00' }, key)).status).toBe(201)
    const count = async () => Number((await query(app, sql`SELECT COUNT(*) AS n FROM idempotency_keys WHERE idem_key = ${key}`))[0].n)
    expect(await purgeExpiredKeys(app.deps.database.db, new Date('2026-11-24T07:59:00+08:00'))).toBe(0) // under 24 h after NOW
    expect(await count()).toBe(1)
    await purgeExpiredKeys(app.deps.database.db, new Date('2026-11-24T08:01:00+08:00'))
    expect(await count()).toBe(0)
  })
})

describe('the price explanation', () => {
  const slotStart = '2026-11-24T11:00:00+08:00'

  it('is about the person served when family asks, to 您 when the elder asks — and the order keeps it', async () => {
    const mine = await app.request.post('/api/quotes').set(bearer(elderLow)).send({ elderId: 2, serviceId: CLEANING, slotStart })
    expect(mine.body.price.explanation).toMatch(/^您是低偿服务对象/)
    expect(mine.body.price.explanation).not.toContain('需支付')

    const quote = await app.request.post('/api/quotes').set(bearer(family)).send({ elderId: 1, serviceId: CLEANING, slotStart })
    expect(quote.status).toBe(200)
    expect(quote.body.price.explanation).toMatch(/^王秀英是无偿服务对象/)
    expect(quote.body.price.explanation).not.toContain('您')

    const booked = await book(app, family, { elderId: 1, serviceId: CLEANING, slotStart })
    expect(booked.status).toBe(201)
    expect(booked.body.price.explanation).toBe(quote.body.price.explanation)
    const [row] = await query(app, sql`SELECT price_explanation FROM orders WHERE id = ${booked.body.id}`)
    expect(row.price_explanation).toBe(quote.body.price.explanation)
    // The mother reads the same stored words on her order.
    const mother = await app.login(DEMO_PHONES.elderFree)
    const seen = await app.request.get(`/api/orders/${booked.body.id}`).set(bearer(mother))
    expect(seen.body.price.explanation).toBe(quote.body.price.explanation)
  })
})
