/**
 * A token is only as good as the account behind it, read fresh: a disabled account, a staff member moved to
 * another station, an id that does not exist and a logged-out token all take effect on the next request in
 * this process and within AUTH_USER_CACHE_SECONDS (default 3 s) on every other process.
 */
import { sql } from 'drizzle-orm'
import { startTestApp, withTestApp, bearer, type TestApp } from '../helpers/test-app'
import { expectError } from '../helpers/expect-error'
import { book, CLEANING, fixedClock, query, SLOT } from '../helpers/booking'
import { DEMO_PHONES } from '../../server/src/seed/seed-demo'
import { signToken } from '../../server/src/auth/token'

// Every process of one deployment shares the signing key.
const SHARED = { env: { TOKEN_SECRET: 'sessions-test-secret-sessions-test-secret' }, clock: fixedClock }

let app: TestApp
beforeAll(async () => {
  app = await startTestApp(SHARED)
})
afterAll(() => app?.close())

const CACHE_MS = 3000
const userId = async (phone: string) => (await query<{ id: number }>(app, sql`SELECT id FROM users WHERE phone = ${phone}`))[0].id
const me = (target: TestApp, token: string) => target.request.get('/api/me').set(bearer(token))

/** Repeats `attempt` until it answers `status`; returns how long that took, or fails after `withinMs`. */
async function msUntil(status: number, withinMs: number, attempt: () => Promise<{ status: number }>): Promise<number> {
  const start = Date.now()
  for (;;) {
    const res = await attempt()
    if (res.status === status) return Date.now() - start
    if (Date.now() - start > withinMs) throw new Error(`still ${res.status} after ${withinMs} ms (wanted ${status})`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

describe('a disabled account', () => {
  it('cannot book with the token it already has: 401 within the cache time, and from then on', async () => {
    const token = await app.login(DEMO_PHONES.elderLow)
    expect((await book(app, token, { elderId: 2, serviceId: CLEANING, slotStart: SLOT })).status).toBe(201)
    await query(app, sql`UPDATE users SET disabled_at = NOW(3) WHERE phone = ${DEMO_PHONES.elderLow}`)
    try {
      const ms = await msUntil(401, CACHE_MS + 1000, () => book(app, token, { elderId: 2, serviceId: CLEANING, slotStart: '2026-11-24T10:00:00+08:00' }))
      expect(ms).toBeLessThanOrEqual(CACHE_MS + 500)
      expectError(await book(app, token, { elderId: 2, serviceId: CLEANING, slotStart: '2026-11-24T11:00:00+08:00' }), 401, 'UNAUTHENTICATED')
      expectError(await app.request.get('/api/orders').set(bearer(token)), 401, 'UNAUTHENTICATED')
    } finally {
      await query(app, sql`UPDATE users SET disabled_at = NULL WHERE phone = ${DEMO_PHONES.elderLow}`)
    }
  })
})

describe('a staff member moved to another station', () => {
  it('lists the new station’s orders, not the old one’s, with the token from before the move', async () => {
    // An order at station 1 (王秀英 lives 400 m from it) and one at station 2 (a new elder next door to it).
    const atOne = await book(app, await app.login(DEMO_PHONES.family), { elderId: 1, serviceId: CLEANING, slotStart: SLOT })
    expect(atOne.status).toBe(201)
    expect(atOne.body.station.id).toBe(1)
    await query(app, sql`INSERT INTO users (role, name, phone) VALUES ('family', '二站家属', '13911110002')`)
    await query(app, sql`INSERT INTO elders (name, birth_date, address, home_lat, home_lng, tier, tier_reason, tier_verified_by, tier_verified_at)
      SELECT '二站老人', '1945-01-01', '测试地址', lat + 0.001, lng, 'paid', 'none', 1, NOW(3) FROM stations WHERE id = 2`)
    const [{ id: elderTwo }] = await query<{ id: number }>(app, sql`SELECT id FROM elders WHERE name = '二站老人'`)
    await query(app, sql`INSERT INTO family_links (elder_id, family_user_id, relation, consented_at) SELECT ${elderTwo}, id, '子女', NOW(3) FROM users WHERE phone = '13911110002'`)
    const atTwo = await book(app, await app.login('13911110002'), { elderId: elderTwo, serviceId: CLEANING, slotStart: SLOT })
    expect(atTwo.status).toBe(201)
    expect(atTwo.body.station.id).toBe(2)

    const staff = await app.login(DEMO_PHONES.staffStation1)
    const listed = async () => ((await app.request.get('/api/orders').set(bearer(staff)).expect(200)).body.orders as { id: number }[]).map((o) => o.id)
    expect(await listed()).toContain(atOne.body.id)
    expect(await listed()).not.toContain(atTwo.body.id)

    await query(app, sql`UPDATE users SET station_id = 2 WHERE phone = ${DEMO_PHONES.staffStation1}`)
    try {
      await msUntil(1, CACHE_MS + 1000, async () => ({ status: (await listed()).includes(atTwo.body.id) ? 1 : 0 }))
      expect(await listed()).not.toContain(atOne.body.id)
      // Acting on the old station's order is refused too (the role and station come from the database).
      expect((await app.request.get(`/api/orders/${atOne.body.id}`).set(bearer(staff))).status).toBe(404)
      // A staff member who became a resident loses the staff routes.
      await query(app, sql`UPDATE users SET role = 'family', station_id = NULL WHERE phone = ${DEMO_PHONES.staffStation1}`)
      await msUntil(200, CACHE_MS + 1000, async () => ({ status: (await listed()).length === 0 ? 200 : 0 }))
      expectError(await app.request.post(`/api/orders/${atTwo.body.id}/accept`).set(bearer(staff)).send({}), 403, 'FORBIDDEN')
    } finally {
      await query(app, sql`UPDATE users SET role = 'staff', station_id = 1 WHERE phone = ${DEMO_PHONES.staffStation1}`)
    }
  })
})

describe('a validly signed token', () => {
  it('for a user id that does not exist → 401', async () => {
    const { token } = await signToken({ userId: 987654, role: 'supervisor', stationId: null }, app.deps.config.tokenSecret, 3600)
    expectError(await me(app, token), 401, 'UNAUTHENTICATED')
    expectError(await app.request.get('/api/orders').set(bearer(token)), 401, 'UNAUTHENTICATED')
  })

  it('claiming a role the user does not have gets the user’s real role', async () => {
    const elder = await userId(DEMO_PHONES.elderPaid)
    const { token } = await signToken({ userId: elder, role: 'supervisor', stationId: null }, app.deps.config.tokenSecret, 3600)
    const res = await me(app, token).expect(200)
    expect(res.body.user).toMatchObject({ id: elder, role: 'elder' })
    // A supervisor's (or staff's) screens are not theirs.
    expectError(await app.request.get('/api/stations/1/capacity-rules').set(bearer(token)), 403, 'FORBIDDEN')
  })
})

describe('POST /api/auth/logout', () => {
  it('makes the token unusable on the next request; logging in again gives a working one', async () => {
    const token = await app.login(DEMO_PHONES.elderPaid)
    await me(app, token).expect(200)
    const res = await app.request.post('/api/auth/logout').set(bearer(token))
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ ok: true })
    expectError(await me(app, token), 401, 'UNAUTHENTICATED')
    expectError(await app.request.post('/api/auth/logout').set(bearer(token)), 401, 'UNAUTHENTICATED')
    const again = await app.login(DEMO_PHONES.elderPaid)
    await me(app, again).expect(200)
  })

  it('without a token → 401', async () => {
    expectError(await app.request.post('/api/auth/logout'), 401, 'UNAUTHENTICATED')
  })
})

describe('a second process on the same database', () => {
  it(`sees a logout and a disabled account within ${CACHE_MS / 1000} s`, async () => {
    await withTestApp({ ...SHARED, db: app.testDb }, async (other) => {
      const token = await app.login(DEMO_PHONES.elderPaid)
      await me(other, token).expect(200) // the other process has now cached this user
      await app.request.post('/api/auth/logout').set(bearer(token)).expect(200)
      expect(await msUntil(401, CACHE_MS + 1000, () => me(other, token))).toBeLessThanOrEqual(CACHE_MS + 500)
      // Logged out and straight back in: the new token works on the other process at once, though it remembered the old session.
      await me(other, await app.login(DEMO_PHONES.elderPaid)).expect(200)
      const again = await app.login(DEMO_PHONES.elderPaid)
      await app.request.post('/api/auth/logout').set(bearer(again)).expect(200)
      await me(other, await app.login(DEMO_PHONES.elderPaid)).expect(200)

      // (GET /api/me reads the user itself; the orders list relies on the request's authentication alone.)
      const daughter = await app.login(DEMO_PHONES.family)
      const orders = () => other.request.get('/api/orders').set(bearer(daughter))
      await orders().expect(200)
      await query(app, sql`UPDATE users SET disabled_at = NOW(3) WHERE phone = ${DEMO_PHONES.family}`)
      try {
        expect(await msUntil(401, CACHE_MS + 1000, orders)).toBeLessThanOrEqual(CACHE_MS + 500)
        expectError(await book(other, daughter, { elderId: 1, serviceId: CLEANING, slotStart: '2026-11-24T14:00:00+08:00' }), 401, 'UNAUTHENTICATED')
      } finally {
        await query(app, sql`UPDATE users SET disabled_at = NULL WHERE phone = ${DEMO_PHONES.family}`)
      }
    })
  })
})
