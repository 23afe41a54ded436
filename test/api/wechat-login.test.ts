import net from 'node:net'
import { startTestApp, withTestApp, bearer, type TestApp } from '../helpers/test-app'
import { expectError } from '../helpers/expect-error'
import { FAKE_APPID, FAKE_SECRET } from '../helpers/fake-wechat'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app?.close())

const wechatLogin = (target: TestApp, body: unknown) => target.request.post('/api/auth/wechat').send(body as object)

/** A port nothing listens on: WeChat "down". */
async function closedPort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** Another app on the same database with other WeChat settings. */
const withApp = (env: NodeJS.ProcessEnv, check: (other: TestApp) => Promise<void>) => withTestApp({ db: app.testDb, env }, check)

describe('POST /api/auth/wechat', () => {
  it('asks code2Session with our appid, secret and grant_type, and a new openid becomes a new user', async () => {
    const res = await wechatLogin(app, { code: 'first-time' }).expect(200)
    expect(res.body).toMatchObject({ token: expect.any(String), user: { id: expect.any(Number), role: 'family', name: expect.any(String) } })
    const asked = app.wechat.requests.at(-1)!
    expect(asked.pathname).toBe('/sns/jscode2session')
    expect(Object.fromEntries(asked.searchParams)).toEqual({ appid: FAKE_APPID, secret: FAKE_SECRET, js_code: 'first-time', grant_type: 'authorization_code' })
    // The token works.
    const me = await app.request.get('/api/me').set(bearer(res.body.token)).expect(200)
    expect(me.body.user.id).toBe(res.body.user.id)
  })

  it('the same openid twice is the same user; another openid is another user', async () => {
    const a = await wechatLogin(app, { code: 'same-person' }).expect(200)
    const b = await wechatLogin(app, { code: 'same-person' }).expect(200)
    const c = await wechatLogin(app, { code: 'someone-else' }).expect(200)
    expect(b.body.user.id).toBe(a.body.user.id)
    expect(c.body.user.id).not.toBe(a.body.user.id)
  })

  it('two first logins racing create one user', async () => {
    const [a, b] = await Promise.all([wechatLogin(app, { code: 'racer' }), wechatLogin(app, { code: 'racer' })])
    expect([a.status, b.status]).toEqual([200, 200])
    expect(a.body.user.id).toBe(b.body.user.id)
  })

  it.each([
    ['invalid-code', 400, 'WECHAT_CODE_INVALID'],
    ['used-code', 400, 'WECHAT_CODE_INVALID'],
    ['rate', 429, 'WECHAT_UNAVAILABLE'],
    ['risky', 403, 'FORBIDDEN'],
    ['busy', 503, 'WECHAT_UNAVAILABLE'],
  ])('WeChat answering %s → %i %s', async (code, status, errorCode) => {
    expectError(await wechatLogin(app, { code }), status, errorCode)
  })

  it.each([[{}], [{ code: '' }], [{ code: '   ' }], [{ code: 42 }], [{ code: 'x'.repeat(129) }]])('a bad body %j → 400 VALIDATION_FAILED without asking WeChat', async (body) => {
    const before = app.wechat.requests.length
    expectError(await wechatLogin(app, body), 400, 'VALIDATION_FAILED')
    expect(app.wechat.requests.length).toBe(before)
  })

  it('WeChat unreachable → 503 WECHAT_UNAVAILABLE', async () => {
    await withApp({ WECHAT_API_BASE: `http://127.0.0.1:${await closedPort()}` }, async (other) => {
      expectError(await wechatLogin(other, { code: 'any' }), 503, 'WECHAT_UNAVAILABLE')
    })
  })

  it('a wrong appid (WeChat says 40013) → 503, our fault, not the person’s', async () => {
    await withApp({ WECHAT_APPID: 'wx-wrong' }, async (other) => {
      expectError(await wechatLogin(other, { code: 'any' }), 503, 'WECHAT_UNAVAILABLE')
      expect(other.wechat.requests).toHaveLength(1)
    })
  })

  it('no appid configured → 503 WECHAT_NOT_CONFIGURED without calling out', async () => {
    await withApp({ WECHAT_APPID: '' }, async (other) => {
      expectError(await wechatLogin(other, { code: 'any' }), 503, 'WECHAT_NOT_CONFIGURED')
      expect(other.wechat.requests).toHaveLength(0)
    })
  })
})
