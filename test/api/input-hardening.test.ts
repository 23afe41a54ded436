import { gzipSync } from 'node:zlib'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { expectError } from '../helpers/expect-error'
import { routeRegistry } from '../../server/src/http/route'
import { DEMO_PHONES } from '../../server/src/seed/seed-demo'

let app: TestApp
const tokens: Record<string, string> = {}
beforeAll(async () => {
  app = await startTestApp()
  tokens.elder = await app.login(DEMO_PHONES.elderFree)
  tokens.family = await app.login(DEMO_PHONES.family)
  tokens.staff = await app.login(DEMO_PHONES.staffStation1)
  tokens.station_admin = await app.login(DEMO_PHONES.adminStation1)
  tokens.supervisor = await app.login(DEMO_PHONES.supervisor)
})
afterAll(() => app?.close())

/** Every registered route that reads a body, with a token of a role it admits. */
function bodyRoutes() {
  const routes = routeRegistry.filter((r) => r.body)
  expect(routes.length).toBeGreaterThanOrEqual(5)
  return routes.map((r) => {
    const role = r.access === 'public' || r.access === 'user' ? 'family' : r.access[0]
    return { method: r.method, path: r.path.replace(/:id\b/g, '1'), token: tokens[role] }
  })
}

describe('a body the server cannot read is the caller’s mistake (400), on every route that takes one', () => {
  it('a JSON body with a __proto__ key → 400 MALFORMED_JSON', async () => {
    for (const r of bodyRoutes()) {
      const res = await app.request[r.method](r.path).set(bearer(r.token)).set('Idempotency-Key', 'proto-test-key-0001').set('Content-Type', 'application/json')
        .send('{"__proto__":{"isAdmin":true},"phone":"13800000001"}')
      expect({ route: `${r.method} ${r.path}`, status: res.status }).toEqual({ route: `${r.method} ${r.path}`, status: 400 })
      expectError(res, 400, 'MALFORMED_JSON')
    }
  })

  it('a constructor.prototype key is refused the same way', async () => {
    const res = await app.request.post('/api/auth/dev-login').set('Content-Type', 'application/json').send('{"constructor":{"prototype":{"x":1}},"phone":"13800000001"}')
    expect(res.status).toBeLessThan(500)
  })

  it.each(['gzip', 'deflate', 'br'])('a body labelled Content-Encoding: %s that is not → 400 BODY_ENCODING_INVALID', async (encoding) => {
    for (const r of bodyRoutes()) {
      const res = await app.request[r.method](r.path).set(bearer(r.token)).set('Idempotency-Key', 'gzip-test-key-0001').set('Content-Type', 'application/json')
        .set('Content-Encoding', encoding).send('{"phone":"13800000001"}')
      expect({ route: `${r.method} ${r.path}`, status: res.status }).toEqual({ route: `${r.method} ${r.path}`, status: 400 })
      expectError(res, 400, 'BODY_ENCODING_INVALID')
    }
  })

  it('a real gzip body is still read', async () => {
    // fetch sends the bytes as they are (supertest would serialise a Buffer as JSON).
    const res = await fetch(`${app.baseUrl}/api/auth/dev-login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }, body: gzipSync(JSON.stringify({ phone: DEMO_PHONES.family })),
    })
    expect(res.status).toBe(200)
  })
})

describe('dates must be real calendar dates', () => {
  const impossible = ['2026-13-01', '2026-12-32', '0000-00-00', '2026-02-30', '2025-02-29', '2026-00-10', '0000-01-01']
  it.each(impossible)('%s → 400 on the station slot list, the bookable slots and the order list', async (date) => {
    expectError(await app.request.get(`/api/stations/1/slots?date=${date}&serviceId=1`), 400, 'VALIDATION_FAILED')
    expectError(await app.request.get(`/api/bookable-slots?date=${date}&serviceId=1&elderId=1`).set(bearer(tokens.elder)), 400, 'VALIDATION_FAILED')
    expectError(await app.request.get(`/api/orders?date=${date}`).set(bearer(tokens.supervisor)), 400, 'VALIDATION_FAILED')
  })

  it('a leap day is a real date', async () => {
    await app.request.get('/api/stations/1/slots?date=2028-02-29&serviceId=1').expect(200)
  })

  it.each(['2026-02-30T09:00:00+08:00', '2026-01-01T24:00:00+08:00', '2026-01-01T09:60:00+08:00', '0000-01-01T09:00:00Z', '2026-01-01T09:00:00+25:00'])(
    'an impossible time %s in a quote → 400',
    async (slotStart) => {
      const res = await app.request.post('/api/quotes').set(bearer(tokens.elder)).send({ elderId: 1, serviceId: 1, slotStart })
      expectError(res, 400, 'VALIDATION_FAILED')
    },
  )
})

describe('capacity rules of one category may not overlap', () => {
  it('overlapping rules → 400 naming them, nothing saved; the slot list never shows a slot twice', async () => {
    const rules = [
      { category: 'cleaning', openMinute: 540, closeMinute: 720, slotMinutes: 60, capacity: 5 },
      { category: 'cleaning', openMinute: 660, closeMinute: 780, slotMinutes: 60, capacity: 7 },
      { category: 'cleaning', openMinute: 600, closeMinute: 720, slotMinutes: 60, capacity: 0 },
    ]
    const before = await app.request.get('/api/stations/1/capacity-rules').set(bearer(tokens.station_admin)).expect(200)
    const res = await app.request.put('/api/stations/1/capacity-rules').set(bearer(tokens.station_admin)).send({ rules })
    expectError(res, 400, 'VALIDATION_FAILED')
    expect(res.body.error.message).toContain('第 1 条（09:00–12:00）和第 2 条（11:00–13:00）时间重叠')
    const after = await app.request.get('/api/stations/1/capacity-rules').set(bearer(tokens.station_admin)).expect(200)
    expect(after.body).toEqual(before.body)
  })

  it('rules that only touch, or are of different categories, are accepted', async () => {
    const rules = [
      { category: 'cleaning', openMinute: 540, closeMinute: 720, slotMinutes: 60, capacity: 5 },
      { category: 'cleaning', openMinute: 720, closeMinute: 780, slotMinutes: 60, capacity: 7 },
      { category: 'meal', openMinute: 600, closeMinute: 720, slotMinutes: 60, capacity: 3 },
    ]
    await app.request.put('/api/stations/1/capacity-rules').set(bearer(tokens.station_admin)).send({ rules }).expect(200)
    const slots = await app.request.get('/api/stations/1/slots?date=2026-11-26&serviceId=2').expect(200)
    const starts = slots.body.slots.map((s: { slotStart: string }) => s.slotStart)
    expect(new Set(starts).size).toBe(starts.length)
  })
})

describe('free text is stored without control or direction-changing characters', () => {
  it('an order note with NUL and a right-to-left override is cleaned before it is stored', async () => {
    const { withTestApp } = await import('../helpers/test-app')
    const { book, fixedClock, SLOT, CLEANING } = await import('../helpers/booking')
    await withTestApp({ db: app.testDb, clock: fixedClock }, async (a) => {
      const token = await a.login(DEMO_PHONES.elderFree)
      const res = await book(a, token, { elderId: 1, serviceId: CLEANING, slotStart: SLOT, note: '请\u0000按门铃\u202E321\u202C，谢谢\u200B' })
      expect(res.status).toBe(201)
      expect(res.body.note).toBe('请按门铃321，谢谢')
    })
  })
})

describe('security headers', () => {
  it('every API answer says nosniff, no referrer, no framing, and is never cached', async () => {
    const answers = [
      await app.request.get('/api/health'),
      await app.request.get('/api/me').set(bearer(tokens.family)),
      await app.request.get('/api/orders').set(bearer(tokens.family)),
      await app.request.get('/api/orders/999999').set(bearer(tokens.family)),
      await app.request.get('/api/me'),
    ]
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 404, 401])
    for (const res of answers) {
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(res.headers['referrer-policy']).toBe('no-referrer')
      expect(res.headers['x-frame-options']).toBe('DENY')
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'")
      expect(res.headers['cache-control']).toBe('no-store')
    }
  })
})
