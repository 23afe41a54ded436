import { startTestApp, withTestApp, bearer, type TestApp } from '../helpers/test-app'
import { expectError } from '../helpers/expect-error'
import { DEMO_PHONES } from '../../server/src/seed/seed-demo'
import { signToken } from '../../server/src/auth/token'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app?.close())

const ROLE_OF: Record<keyof typeof DEMO_PHONES, string> = {
  elderFree: 'elder',
  elderLow: 'elder',
  elderPaid: 'elder',
  elderOutside: 'elder',
  family: 'family',
  familyUnbound: 'family',
  familyPending: 'family',
  staffStation1: 'staff',
  staffStation2: 'staff',
  adminStation1: 'station_admin',
  supervisor: 'supervisor',
}

const devLogin = (target: TestApp, body: unknown) => target.request.post('/api/auth/dev-login').send(body as object)
const me = (token?: string) => {
  const req = app.request.get('/api/me')
  return token === undefined ? req : req.set(bearer(token))
}

describe('POST /api/auth/dev-login', () => {
  it.each(Object.entries(DEMO_PHONES))('%s (%s) logs in with the right role and a masked phone', async (who, phone) => {
    const res = await devLogin(app, { phone }).expect(200)
    expect(res.body).toMatchObject({ token: expect.any(String), user: { id: expect.any(Number), role: ROLE_OF[who as keyof typeof DEMO_PHONES], name: expect.any(String) } })
    expect(res.body.user.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`)
    expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(Date.now())
  })

  it('staff and station admins carry their station', async () => {
    const staff2 = await devLogin(app, { phone: DEMO_PHONES.staffStation2 }).expect(200)
    const admin1 = await devLogin(app, { phone: DEMO_PHONES.adminStation1 }).expect(200)
    expect([staff2.body.user.stationId, admin1.body.user.stationId]).toEqual([2, 1])
  })

  it('an unknown phone → 404 ACCOUNT_NOT_FOUND', async () => {
    expectError(await devLogin(app, { phone: '13012345678' }), 404, 'ACCOUNT_NOT_FOUND')
  })

  it.each([[{ phone: '12345' }], [{ phone: '1380000000a' }], [{ phone: 13800000001 }], [{}], [[]], [{ phone: '' }]])('a bad phone %j → 400 VALIDATION_FAILED', async (body) => {
    expectError(await devLogin(app, body), 400, 'VALIDATION_FAILED')
  })

  describe('switched off', () => {
    it.each([
      ['in production', { NODE_ENV: 'production', TOKEN_SECRET: 'Prod-test-secret-7Hq2xV9mLr4Kz8Wn3Bd6', AUTH_DEV_LOGIN: '1' }],
      ['with AUTH_DEV_LOGIN=0', { AUTH_DEV_LOGIN: '0' }],
    ])('%s → 403 DEV_LOGIN_DISABLED even for a seeded phone', async (_, env) => {
      await withTestApp({ db: app.testDb, env }, async (other) => {
        expectError(await devLogin(other, { phone: DEMO_PHONES.elderFree }), 403, 'DEV_LOGIN_DISABLED')
      })
    })
  })
})

describe('GET /api/me', () => {
  it('without a token → 401 UNAUTHENTICATED', async () => {
    expectError(await me(), 401, 'UNAUTHENTICATED')
  })

  it.each(['garbage', 'a.b.c', ''])('with the token %j → 401 UNAUTHENTICATED', async (token) => {
    expectError(await app.request.get('/api/me').set('Authorization', `Bearer ${token}`), 401, 'UNAUTHENTICATED')
  })

  it('with a non-bearer Authorization header → 401 UNAUTHENTICATED', async () => {
    expectError(await app.request.get('/api/me').set('Authorization', 'Basic dXNlcjpwYXNz'), 401, 'UNAUTHENTICATED')
  })

  it('with an expired token → 401 TOKEN_EXPIRED', async () => {
    const { token } = await signToken({ userId: 5001, role: 'elder', stationId: null }, app.deps.config.tokenSecret, -10)
    expectError(await me(token), 401, 'TOKEN_EXPIRED')
  })

  it('with a token signed by another secret → 401 UNAUTHENTICATED', async () => {
    const { token } = await signToken({ userId: 5001, role: 'elder', stationId: null }, new TextEncoder().encode('x'.repeat(64)), 3600)
    expectError(await me(token), 401, 'UNAUTHENTICATED')
  })

  it('an elder acts for themself', async () => {
    const res = await me(await app.login(DEMO_PHONES.elderFree)).expect(200)
    expect(res.body.user).toMatchObject({ role: 'elder', phone: '138****0001' })
    expect(res.body.elders).toHaveLength(1)
    expect(res.body.elders[0]).toMatchObject({ id: 1, name: '王秀英', tier: 'free', tierVerified: true, home: { lat: expect.any(Number), lng: expect.any(Number), address: expect.any(String) } })
  })

  it('a bound family member acts for their parent 王秀英', async () => {
    const res = await me(await app.login(DEMO_PHONES.family)).expect(200)
    expect(res.body.user).toMatchObject({ role: 'family', phone: '139****0001' })
    expect(res.body.elders.map((e: { id: number; name: string }) => [e.id, e.name])).toEqual([[1, '王秀英']])
  })

  it.each([
    ['an unbound family member', DEMO_PHONES.familyUnbound],
    ['staff', DEMO_PHONES.staffStation1],
    ['a station admin', DEMO_PHONES.adminStation1],
    ['the supervisor', DEMO_PHONES.supervisor],
  ])('%s acts for no elder', async (_, phone) => {
    const res = await me(await app.login(phone)).expect(200)
    expect(res.body.elders).toEqual([])
  })

  it('never shows a whole phone number, except the emergency contacts of bound relatives', async () => {
    for (const phone of [DEMO_PHONES.elderLow, DEMO_PHONES.family, DEMO_PHONES.staffStation1]) {
      const res = await me(await app.login(phone)).expect(200)
      expect(JSON.stringify({ ...res.body, emergencyContacts: [] })).not.toMatch(/1[3-9]\d{9}/)
    }
  })

  it('the help bar can call bound family: an elder gets their relatives, a relative gets their parent', async () => {
    const elder = await me(await app.login(DEMO_PHONES.elderFree)).expect(200)
    expect(elder.body.emergencyContacts).toEqual([{ name: expect.stringContaining('王丽'), relation: '子女', phone: DEMO_PHONES.family }])
    const daughter = await me(await app.login(DEMO_PHONES.family)).expect(200)
    expect(daughter.body.emergencyContacts).toEqual([{ name: '王秀英', relation: '家人', phone: DEMO_PHONES.elderFree }])
    for (const phone of [DEMO_PHONES.elderLow, DEMO_PHONES.familyUnbound, DEMO_PHONES.staffStation1, DEMO_PHONES.supervisor]) {
      expect((await me(await app.login(phone)).expect(200)).body.emergencyContacts).toEqual([])
    }
  })
})
