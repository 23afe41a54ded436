/**
 * A token is only as good as the account behind it, read fresh: a disabled account, a staff member moved to
 * another station or given another role, an id that does not exist and a logged-out token are refused. A change
 * made through the API (logout, POST /api/users/:id/disable) takes effect on the next request on every process
 * (broadcast through Redis); one made behind the API's back (SQL by hand) within AUTH_USER_CACHE_SECONDS (3 s).
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
  it('cannot use the token from before the move (neither station’s orders), and logs in again for the new station', async () => {
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
      const orders = () => app.request.get('/api/orders').set(bearer(staff))
      expect(await msUntil(401, CACHE_MS + 1000, orders)).toBeLessThanOrEqual(CACHE_MS + 500)
      const refused = await orders()
      expectError(refused, 401, 'UNAUTHENTICATED')
      expect(refused.body.error.message).toContain('所属驿站已变更')
      expectError(await app.request.post(`/api/orders/${atOne.body.id}/accept`).set(bearer(staff)).send({}), 401, 'UNAUTHENTICATED')
      // Logged in again, the worker sees the new station's orders and not the old one's.
      const again = await app.login(DEMO_PHONES.staffStation1)
      const ids = ((await app.request.get('/api/orders').set(bearer(again)).expect(200)).body.orders as { id: number }[]).map((o) => o.id)
      expect(ids).toContain(atTwo.body.id)
      expect(ids).not.toContain(atOne.body.id)
      // A staff member who became a resident: the staff token is refused.
      await query(app, sql`UPDATE users SET role = 'family', station_id = NULL WHERE phone = ${DEMO_PHONES.staffStation1}`)
      expect(await msUntil(401, CACHE_MS + 1000, () => app.request.get('/api/orders').set(bearer(again)))).toBeLessThanOrEqual(CACHE_MS + 500)
    } finally {
      await query(app, sql`UPDATE users SET role = 'staff', station_id = 1 WHERE phone = ${DEMO_PHONES.staffStation1}`)
      await app.deps.userStates.forget(await userId(DEMO_PHONES.staffStation1)) // changed behind the API's back
    }
  })
})

describe('POST /api/users/:id/disable', () => {
  it('a station admin stops only their own station’s workers; residents and staff cannot; a reason is required', async () => {
    const admin = await app.login(DEMO_PHONES.adminStation1)
    const otherWorker = await userId(DEMO_PHONES.staffStation2)
    const daughter = await userId(DEMO_PHONES.family)
    expectError(await app.request.post(`/api/users/${otherWorker}/disable`).set(bearer(admin)).send({ reason: '测试' }), 404, 'NOT_FOUND')
    expectError(await app.request.post(`/api/users/${daughter}/disable`).set(bearer(admin)).send({ reason: '测试' }), 404, 'NOT_FOUND')
    expectError(await app.request.post(`/api/users/${otherWorker}/disable`).set(bearer(await app.login(DEMO_PHONES.staffStation1))).send({ reason: '测试' }), 403, 'FORBIDDEN')
    expectError(await app.request.post(`/api/users/${otherWorker}/disable`).set(bearer(await app.login(DEMO_PHONES.family))).send({ reason: '测试' }), 403, 'FORBIDDEN')
    const supervisor = await app.login(DEMO_PHONES.supervisor)
    expectError(await app.request.post(`/api/users/${otherWorker}/disable`).set(bearer(supervisor)).send({}), 400, 'VALIDATION_FAILED')
    expectError(await app.request.post(`/api/users/${otherWorker}/enable`).set(bearer(supervisor)).send({ reason: '没有停用' }), 409, 'ILLEGAL_TRANSITION')
    const audit = await query<{ n: number }>(app, sql`SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'user' AND entity_id = ${otherWorker}`)
    expect(Number(audit[0].n)).toBe(0)
  })
})

describe('a validly signed token', () => {
  it('for a user id that does not exist → 401', async () => {
    const { token } = await signToken({ userId: 987654, role: 'supervisor', stationId: null }, app.deps.config.tokenSecret, 3600)
    expectError(await me(app, token), 401, 'UNAUTHENTICATED')
    expectError(await app.request.get('/api/orders').set(bearer(token)), 401, 'UNAUTHENTICATED')
  })

  it('claiming a role or station the user does not have → 401 (a token grants only what its user is)', async () => {
    const elder = await userId(DEMO_PHONES.elderPaid)
    const { token } = await signToken({ userId: elder, role: 'supervisor', stationId: null }, app.deps.config.tokenSecret, 3600)
    expectError(await me(app, token), 401, 'UNAUTHENTICATED')
    expectError(await app.request.get('/api/stations/1/capacity-rules').set(bearer(token)), 401, 'UNAUTHENTICATED')
    const worker = await userId(DEMO_PHONES.staffStation1)
    const other = await signToken({ userId: worker, role: 'staff', stationId: 2 }, app.deps.config.tokenSecret, 3600)
    expectError(await app.request.get('/api/orders').set(bearer(other.token)), 401, 'UNAUTHENTICATED')
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
  it('refuses a token on the very next request after the account is disabled or logged out through the API (cache 60 s)', async () => {
    const longCache = { ...SHARED, env: { ...SHARED.env, AUTH_USER_CACHE_SECONDS: '60' } }
    await withTestApp({ ...longCache, db: app.testDb }, async (first) => {
      await withTestApp({ ...longCache, db: app.testDb }, async (second) => {
        const worker = await first.login(DEMO_PHONES.staffStation1)
        const orders = () => second.request.get('/api/orders').set(bearer(worker))
        await orders().expect(200) // the second process now remembers this worker for 60 s
        const admin = await first.login(DEMO_PHONES.adminStation1)
        const workerId = await userId(DEMO_PHONES.staffStation1)
        try {
          const res = await first.request.post(`/api/users/${workerId}/disable`).set(bearer(admin)).send({ reason: '已离职' })
          expect(res.status).toBe(200)
          expect(res.body).toMatchObject({ id: workerId, disabled: true })
          expectError(await orders(), 401, 'UNAUTHENTICATED')
          expect((await first.request.post('/api/auth/dev-login').send({ phone: DEMO_PHONES.staffStation1 })).status).toBe(403)
        } finally {
          await first.request.post(`/api/users/${workerId}/enable`).set(bearer(admin)).send({ reason: '返岗' }).expect(200)
        }
        // Restored, the old token stays refused (its session ended); a new login works everywhere.
        expectError(await orders(), 401, 'UNAUTHENTICATED')
        await second.request.get('/api/orders').set(bearer(await first.login(DEMO_PHONES.staffStation1))).expect(200)
        // A logout on one process is seen by the other on the next request.
        const daughter = await first.login(DEMO_PHONES.family)
        await second.request.get('/api/me').set(bearer(daughter)).expect(200)
        await first.request.post('/api/auth/logout').set(bearer(daughter)).expect(200)
        expectError(await second.request.get('/api/orders').set(bearer(daughter)), 401, 'UNAUTHENTICATED')
      })
    })
  })

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
