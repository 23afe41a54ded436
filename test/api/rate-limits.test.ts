/**
 * Login and sign-up are rate limited per IP address and per account, counted in Redis so that every API
 * process shares the counts; 429 RATE_LIMITED with Retry-After. Each case runs an app with low limits and
 * its own counter prefix on one shared test database.
 */
import net from 'node:net'
import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import pino from 'pino'
import type { Response } from 'supertest'
import { startTestApp, withTestApp, type TestApp, type TestAppOptions } from '../helpers/test-app'
import { expectError } from '../helpers/expect-error'
import { query } from '../helpers/booking'
import { DEMO_PHONES } from '../../server/src/seed/seed-demo'
import { loadConfig } from '../../server/src/config'

let base: TestApp
beforeAll(async () => {
  base = await startTestApp()
})
afterAll(() => base?.close())

/** An app on the shared database with these limits and counters of its own (unless `prefix` is given). */
const limited = (limits: NodeJS.ProcessEnv, extra: Partial<TestAppOptions> = {}, prefix = `cc:test:rl:${randomBytes(6).toString('hex')}`) =>
  ({ db: base.testDb, ...extra, env: { RATE_LIMIT_PREFIX: prefix, ...limits } }) satisfies TestAppOptions

const devLogin = (app: TestApp, phone: string) => app.request.post('/api/auth/dev-login').send({ phone })
const wechatLogin = (app: TestApp, code: string) => app.request.post('/api/auth/wechat').send({ code })

/** Retry-After in seconds for machines; for people what happened and when to come back in words, never seconds. */
function expectRateLimited(res: Response, maxSeconds: number) {
  expectError(res, 429, 'RATE_LIMITED')
  const seconds = Number(res.headers['retry-after'])
  expect(seconds).toBeGreaterThanOrEqual(1)
  expect(seconds).toBeLessThanOrEqual(maxSeconds)
  const minutes = Math.ceil(seconds / 60)
  const when = minutes <= 1 ? '请过一分钟再试' : minutes < 60 ? `请过 ${minutes} 分钟再试` : /请(过 1 小时|明天)再试/
  expect(res.body.error.message).toMatch(when)
  expect(res.body.error.message).toMatch(/^(登录太频繁了|这个账号登录太频繁了|这个网络里新开的账号太多了)，/)
  expect(res.body.error.message).not.toMatch(/秒|\d{3,}/)
}

describe('dev-login', () => {
  it('per IP: known and unknown phones count alike; past the limit even an unknown phone gets 429, not 404', async () => {
    await withTestApp(limited({ RATE_LIMIT_LOGIN_PER_IP: '5/60' }), async (app) => {
      const phones = [DEMO_PHONES.elderFree, '13012340001', DEMO_PHONES.elderLow, '13012340002', DEMO_PHONES.family]
      const statuses = []
      for (const phone of phones) statuses.push((await devLogin(app, phone)).status)
      expect(statuses).toEqual([200, 404, 200, 404, 200])
      expectRateLimited(await devLogin(app, '13012340003'), 60)
      expectRateLimited(await devLogin(app, DEMO_PHONES.supervisor), 60)
    })
  })

  it('100 logins at once from one IP: only the allowed number succeed', async () => {
    await withTestApp(limited({ RATE_LIMIT_LOGIN_PER_IP: '30/60' }), async (app) => {
      const all = await Promise.all(Array.from({ length: 100 }, () => devLogin(app, DEMO_PHONES.elderPaid)))
      const count = (s: number) => all.filter((r) => r.status === s).length
      expect([count(200), count(429)]).toEqual([30, 70])
    })
  })

  it('per account: one phone is refused past its limit while another phone still logs in', async () => {
    await withTestApp(limited({ RATE_LIMIT_LOGIN_PER_ACCOUNT: '3/60' }), async (app) => {
      for (let i = 0; i < 3; i++) expect((await devLogin(app, DEMO_PHONES.elderFree)).status).toBe(200)
      expectRateLimited(await devLogin(app, DEMO_PHONES.elderFree), 60)
      expect((await devLogin(app, DEMO_PHONES.elderLow)).status).toBe(200)
    })
  })

  it('counts are shared by two processes of one deployment (same Redis prefix)', async () => {
    const prefix = `cc:test:rl:${randomBytes(6).toString('hex')}`
    await withTestApp(limited({ RATE_LIMIT_LOGIN_PER_IP: '4/60' }, {}, prefix), async (a) => {
      await withTestApp(limited({ RATE_LIMIT_LOGIN_PER_IP: '4/60' }, {}, prefix), async (b) => {
        for (const app of [a, b, a, b]) expect((await devLogin(app, DEMO_PHONES.elderPaid)).status).toBe(200)
        expectRateLimited(await devLogin(a, DEMO_PHONES.elderPaid), 60)
        expectRateLimited(await devLogin(b, DEMO_PHONES.elderPaid), 60)
      })
    })
  })

  it('another deployment (another prefix) has its own counts', async () => {
    await withTestApp(limited({ RATE_LIMIT_LOGIN_PER_IP: '1/60' }), async (a) => {
      await withTestApp(limited({ RATE_LIMIT_LOGIN_PER_IP: '1/60' }), async (b) => {
        expect((await devLogin(a, DEMO_PHONES.elderPaid)).status).toBe(200)
        expect((await devLogin(b, DEMO_PHONES.elderPaid)).status).toBe(200)
        expectRateLimited(await devLogin(a, DEMO_PHONES.elderPaid), 60)
      })
    })
  })
})

describe('WeChat login', () => {
  it('per IP: past the limit WeChat is not even asked', async () => {
    await withTestApp(limited({ RATE_LIMIT_LOGIN_PER_IP: '3/60' }), async (app) => {
      for (const code of ['w1', 'w2', 'w1']) expect((await wechatLogin(app, code)).status).toBe(200)
      expectRateLimited(await wechatLogin(app, 'w3'), 60)
      expect(app.wechat.requests).toHaveLength(3)
    })
  })

  it('per account: one openid is refused past its limit, another still logs in', async () => {
    await withTestApp(limited({ RATE_LIMIT_LOGIN_PER_ACCOUNT: '2/60' }), async (app) => {
      for (let i = 0; i < 2; i++) expect((await wechatLogin(app, 'same-phone')).status).toBe(200)
      expectRateLimited(await wechatLogin(app, 'same-phone'), 60)
      expect((await wechatLogin(app, 'other-phone')).status).toBe(200)
    })
  })

  it('account creation per IP: the third new openid in an hour is refused and no user is created; known accounts still log in', async () => {
    await withTestApp(limited({ RATE_LIMIT_ACCOUNTS_PER_IP: '2/3600' }), async (app) => {
      const tag = randomBytes(4).toString('hex')
      expect((await wechatLogin(app, `new-a-${tag}`)).status).toBe(200)
      expect((await wechatLogin(app, `new-b-${tag}`)).status).toBe(200)
      expectRateLimited(await wechatLogin(app, `new-c-${tag}`), 3600)
      expect(await query(base, sql`SELECT id FROM users WHERE wechat_openid = ${`openid-new-c-${tag}`}`)).toEqual([])
      expect((await wechatLogin(app, `new-a-${tag}`)).status).toBe(200)
    })
  })

  it('100 first logins at once create at most the allowed number of accounts', async () => {
    await withTestApp(limited({ RATE_LIMIT_ACCOUNTS_PER_IP: '5/3600' }), async (app) => {
      const tag = randomBytes(4).toString('hex')
      const [{ n: before }] = await query<{ n: number }>(base, sql`SELECT COUNT(*) AS n FROM users`)
      const all = await Promise.all(Array.from({ length: 100 }, (_, i) => wechatLogin(app, `flood-${tag}-${i}`)))
      const [{ n: after }] = await query<{ n: number }>(base, sql`SELECT COUNT(*) AS n FROM users`)
      expect(all.filter((r) => r.status === 200)).toHaveLength(5)
      expect(all.filter((r) => r.status === 429)).toHaveLength(95)
      expect(Number(after) - Number(before)).toBe(5)
    })
  })
})

describe('Redis unreachable', () => {
  it('logins still work (no 500), limits are counted in this process, and one line is logged per use of Redis', async () => {
    const server = net.createServer().listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    const { port } = server.address() as net.AddressInfo
    await new Promise((resolve) => server.close(resolve))
    const lines: string[] = []
    const log = pino({ level: 'info' }, { write: (s: string) => void lines.push(s) })
    await withTestApp(limited({ REDIS_URL: `redis://127.0.0.1:${port}`, RATE_LIMIT_LOGIN_PER_IP: '2/60' }, { log }), async (app) => {
      expect((await devLogin(app, DEMO_PHONES.elderFree)).status).toBe(200)
      await new Promise((r) => setTimeout(r, 1200)) // several reconnect attempts fail meanwhile
      expect((await devLogin(app, DEMO_PHONES.elderLow)).status).toBe(200)
      expectRateLimited(await devLogin(app, DEMO_PHONES.family), 60)
    })
    const redisLines = lines.filter((l) => /Redis/.test(l))
    // One line for the broadcast of changes, one for the rate limits; none repeated by the reconnect attempts.
    expect(redisLines.map((l) => JSON.parse(l).msg).sort()).toEqual([
      expect.stringContaining('Redis unreachable: changes reach'),
      expect.stringContaining('Redis unreachable: rate limits'),
    ])
    for (const l of redisLines) expect(JSON.parse(l)).toMatchObject({ level: 40 })
    for (const phone of [DEMO_PHONES.elderFree, DEMO_PHONES.elderLow, DEMO_PHONES.family]) expect(lines.join('')).not.toContain(phone)
  })
})

describe('complaints per account (issue 15 #6)', () => {
  it('30 filed at once with a limit of 10 a day: exactly 10 are filed, the rest told in words to come back tomorrow', async () => {
    let now = new Date('2026-12-06T10:00:00+08:00')
    await withTestApp(limited({ RATE_LIMIT_COMPLAINTS_PER_ACCOUNT: '10' }, { clock: () => now }), async (app) => {
      const elder = await app.login(DEMO_PHONES.elderPaid)
      const file = (token: string) =>
        app.request.post('/api/complaints').set({ Authorization: `Bearer ${token}` }).send({ stationId: 1, category: 'attitude', description: '服务人员说话很不耐烦', anonymous: false })
      const [{ n: before }] = await query<{ n: number }>(base, sql`SELECT COUNT(*) AS n FROM complaints`)
      const all = await Promise.all(Array.from({ length: 30 }, () => file(elder)))
      const [{ n: after }] = await query<{ n: number }>(base, sql`SELECT COUNT(*) AS n FROM complaints`)
      expect([all.filter((r) => r.status === 201).length, all.filter((r) => r.status === 429).length]).toEqual([10, 20])
      expect(Number(after) - Number(before)).toBe(10)
      const refused = all.find((r) => r.status === 429)!
      expectError(refused, 429, 'RATE_LIMITED')
      expect(refused.body.error.message).toBe('今天已提交 10 条投诉，请明天再试。急事请拨打 12349 养老服务热线')
      expect(Number(refused.headers['retry-after'])).toBe(14 * 3600) // until midnight, Asia/Shanghai
      // Another account is not affected; a refused or failed filing is not counted; tomorrow the count starts again.
      expect((await file(await app.login(DEMO_PHONES.elderLow))).status).toBe(201)
      now = new Date('2026-12-07T00:00:01+08:00')
      expect((await file(elder)).status).toBe(201)
    })
  })

  it('a filing that fails (no such station) is not counted', async () => {
    await withTestApp(limited({ RATE_LIMIT_COMPLAINTS_PER_ACCOUNT: '1' }), async (app) => {
      const token = await app.login(DEMO_PHONES.elderFree)
      const file = (stationId: number) =>
        app.request.post('/api/complaints').set({ Authorization: `Bearer ${token}` }).send({ stationId, category: 'other', description: '门口的台阶太高了', anonymous: false })
      expectError(await file(999999), 404, 'NOT_FOUND')
      expect((await file(1)).status).toBe(201)
      expectError(await file(1), 429, 'RATE_LIMITED')
    })
  })
})

describe('configuration', () => {
  it('has defaults, reads "N/seconds" from the environment, and refuses nonsense at start-up', () => {
    expect(loadConfig({}).rateLimits).toMatchObject({
      prefix: 'cc:rl',
      loginPerIp: { points: 30, seconds: 60 },
      loginPerAccount: { points: 10, seconds: 60 },
      accountsPerIp: { points: 10, seconds: 3600 },
    })
    expect(loadConfig({}).redisUrl).toBe('redis://127.0.0.1:6379')
    expect(loadConfig({ RATE_LIMIT_LOGIN_PER_IP: '100/600' }).rateLimits.loginPerIp).toEqual({ points: 100, seconds: 600 })
    expect(() => loadConfig({ RATE_LIMIT_LOGIN_PER_IP: 'lots' })).toThrow(/RATE_LIMIT_LOGIN_PER_IP/)
    expect(() => loadConfig({ RATE_LIMIT_ACCOUNTS_PER_IP: '0/60' })).toThrow(/RATE_LIMIT_ACCOUNTS_PER_IP/)
  })
})
