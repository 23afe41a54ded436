/**
 * Guessing invitation codes is bounded without ever locking honest people out (issue 15 #5): the code is
 * checked before anything district-wide is consulted, only failed redemptions count, and they count against
 * the guessing account and IP address alone. Many failures across the district never refuse anyone: they make
 * new codes longer (8 digits). Refusals are 429 RATE_LIMITED with Retry-After and a message in plain words, never
 * seconds. Each case runs an app with its own limits and counters on one shared test database (the arithmetic
 * is in the README's family-binding section).
 */
import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Response } from 'supertest'
import { startTestApp, withTestApp, bearer, type TestApp, type TestAppOptions } from '../helpers/test-app'
import { expectError } from '../helpers/expect-error'
import { query } from '../helpers/booking'
import { DEMO_PHONES } from '../../server/src/seed/seed-demo'
import { loadConfig } from '../../server/src/config'

let base: TestApp
beforeAll(async () => {
  base = await startTestApp()
})
afterAll(() => base?.close())

/** The production limits (test apps otherwise run with very high ones), so the attack meets the real numbers. */
const PRODUCTION = {
  RATE_LIMIT_BIND_PER_ACCOUNT: '5/900',
  RATE_LIMIT_BIND_PER_ACCOUNT_DAILY: '20/86400',
  RATE_LIMIT_BIND_PER_IP: '30/3600',
  RATE_LIMIT_BIND_PER_IP_DAILY: '100/86400',
  RATE_LIMIT_BIND_DISTRICT: '100/3600',
}
/** Behind one proxy: the client's address is the last X-Forwarded-For entry, so each test chooses its callers' IPs. */
const limited = (limits: NodeJS.ProcessEnv) =>
  ({ db: base.testDb, env: { TRUST_PROXY: '1', RATE_LIMIT_PREFIX: `cc:test:bind:${randomBytes(6).toString('hex')}`, ...limits } }) satisfies TestAppOptions

let phoneSeq = 10
async function relative(app: TestApp): Promise<string> {
  const phone = `1390001${String(phoneSeq++).padStart(4, '0')}`
  await query(base, sql`INSERT INTO users (role, name, phone) VALUES ('family', '测试家属', ${phone})`)
  return app.login(phone)
}
const bind = (app: TestApp, token: string, code: string, ip = '10.1.0.1') =>
  app.request.post('/api/family/bindings').set({ ...bearer(token), 'X-Forwarded-For': ip }).send({ code, relation: '子女' })
const invite = async (app: TestApp, phone: string = DEMO_PHONES.elderPaid) => app.request.post('/api/family/invitations').set(bearer(await app.login(phone))).send({})
/** A code no invitation holds (invitations draw at random; these never collide in one test). */
let wrongSeq = 0
const wrong = () => `9${String(wrongSeq++).padStart(5, '0')}`

/** 429 with Retry-After for machines, and for people what happened and when to come back — in words, never seconds. */
function expectRateLimited(res: Response, minSeconds: number, maxSeconds: number, words: RegExp) {
  expectError(res, 429, 'RATE_LIMITED')
  const seconds = Number(res.headers['retry-after'])
  expect(seconds).toBeGreaterThanOrEqual(minSeconds)
  expect(seconds).toBeLessThanOrEqual(maxSeconds)
  expect(res.body.error.message).toMatch(words)
  expect(res.body.error.message).not.toMatch(/秒/)
}

describe('an attack on binding cannot lock anyone else out', () => {
  it('21 accounts × 5 wrong codes: afterwards an honest relative’s right code still binds, and new codes get 8 digits', async () => {
    await withTestApp(limited(PRODUCTION), async (app) => {
      const before = (await invite(app, DEMO_PHONES.elderLow)).body
      expect(before.code).toMatch(/^\d{6}$/)
      // 21 accounts on 7 addresses: each account and each address stays within its own limits.
      const attackers = await Promise.all(Array.from({ length: 21 }, () => relative(app)))
      for (const [i, token] of attackers.entries()) {
        for (let k = 0; k < 5; k++) expectError(await bind(app, token, wrong(), `10.66.0.${i % 7}`), 400, 'INVITATION_INVALID')
      }
      expect((await bind(app, await relative(app), before.code, '10.2.0.1')).status).toBe(201)
      const during = (await invite(app, DEMO_PHONES.elderPaid)).body
      expect(during.code).toMatch(/^\d{8}$/)
      expect(during.qrPayload).toContain(during.code)
      expect((await bind(app, await relative(app), during.code, '10.2.0.2')).status).toBe(201)
    })
  })

  it('the district’s failures never refuse a guess either: only the guesser’s own limits do', async () => {
    await withTestApp(limited({ ...PRODUCTION, RATE_LIMIT_BIND_DISTRICT: '3/3600' }), async (app) => {
      for (let i = 0; i < 6; i++) expectError(await bind(app, await relative(app), wrong(), `10.3.0.${i}`), 400, 'INVITATION_INVALID')
    })
  })
})

describe('failed redemptions', () => {
  it('per account per 15 minutes: past the limit even a right code is refused; another account still binds', async () => {
    await withTestApp(limited({ RATE_LIMIT_BIND_PER_ACCOUNT: '3/900' }), async (app) => {
      const guesser = await relative(app)
      for (let i = 0; i < 3; i++) expectError(await bind(app, guesser, wrong()), 400, 'INVITATION_INVALID')
      const { code } = (await invite(app)).body
      expectRateLimited(await bind(app, guesser, code), 1, 900, /^邀请码输错的次数太多了，请过 1[45] 分钟再试/)
      expect((await bind(app, await relative(app), code)).status).toBe(201)
    })
  })

  it('per IP address: accounts on one address share its failures; a right code from another address binds', async () => {
    await withTestApp(limited({ RATE_LIMIT_BIND_PER_IP: '4/3600' }), async (app) => {
      for (let i = 0; i < 4; i++) expectError(await bind(app, await relative(app), wrong(), '10.4.0.1'), 400, 'INVITATION_INVALID')
      const { code } = (await invite(app)).body
      expectRateLimited(await bind(app, await relative(app), code, '10.4.0.1'), 1, 3600, /^这个网络里邀请码输错的次数太多了，请(过 1 小时|明天)再试/)
      expect((await bind(app, await relative(app), code, '10.4.0.2')).status).toBe(201)
    })
  })

  it('only failures count: a successful bind gives its attempt back', async () => {
    await withTestApp(limited({ RATE_LIMIT_BIND_PER_ACCOUNT: '2/900', RATE_LIMIT_BIND_PER_IP: '2/3600' }), async (app) => {
      const token = await relative(app)
      expectError(await bind(app, token, wrong()), 400, 'INVITATION_INVALID')
      expect((await bind(app, token, (await invite(app)).body.code)).status).toBe(201)
      expect((await bind(app, token, (await invite(app, DEMO_PHONES.elderLow)).body.code)).status).toBe(201)
      expectError(await bind(app, token, wrong()), 400, 'INVITATION_INVALID')
      expectRateLimited(await bind(app, token, wrong()), 1, 900, /请过 \d+ 分钟再试/)
    })
  })

  it('per account per day, beyond the 15-minute window: in words, not seconds', async () => {
    await withTestApp(limited({ RATE_LIMIT_BIND_PER_ACCOUNT_DAILY: '2/86400' }), async (app) => {
      const token = await relative(app)
      for (let i = 0; i < 2; i++) expectError(await bind(app, token, wrong()), 400, 'INVITATION_INVALID')
      expectRateLimited(await bind(app, token, wrong()), 3600, 86400, /^今天邀请码输错的次数太多了，请(明天|过 \d+ 小时)再试/)
    })
  })

  it('a burst of 20 parallel guesses from one account: exactly the allowed number are tried', async () => {
    await withTestApp(limited({ RATE_LIMIT_BIND_PER_ACCOUNT: '5/900' }), async (app) => {
      const token = await relative(app)
      const all = await Promise.all(Array.from({ length: 20 }, () => bind(app, token, wrong())))
      expect([all.filter((r) => r.status === 400).length, all.filter((r) => r.status === 429).length]).toEqual([5, 15])
    })
  })

  it('a burst of 20 parallel guesses from one address with many accounts: exactly the address’s limit are tried', async () => {
    await withTestApp(limited({ RATE_LIMIT_BIND_PER_IP: '6/3600' }), async (app) => {
      const tokens = await Promise.all(Array.from({ length: 20 }, () => relative(app)))
      const all = await Promise.all(tokens.map((t) => bind(app, t, wrong(), '10.5.0.1')))
      expect([all.filter((r) => r.status === 400).length, all.filter((r) => r.status === 429).length]).toEqual([6, 14])
    })
  })
})

describe('invitations per elder', () => {
  it('past the day’s limit a new invitation is refused until tomorrow, in words (staff helping count for the same elder)', async () => {
    await withTestApp(limited({ RATE_LIMIT_INVITATIONS_PER_ELDER: '2' }), async (app) => {
      expect((await invite(app, DEMO_PHONES.elderLow)).status).toBe(201)
      const byStaff = await app.request.post('/api/family/invitations').set(bearer(await app.login(DEMO_PHONES.supervisor))).send({ elderId: 2 })
      expect(byStaff.status).toBe(201)
      expectRateLimited(await invite(app, DEMO_PHONES.elderLow), 1, 86400, /^今天已经生成了 2 个邀请码，请明天再试/)
      expect((await invite(app, DEMO_PHONES.elderFree)).status).toBe(201)
    })
  })
})

describe('configuration', () => {
  it('defaults: per account 5 per 15 min and 20 a day, per IP 30 an hour and 100 a day, 8-digit codes past 100 failures an hour', () => {
    expect(loadConfig({}).rateLimits).toMatchObject({
      bindFailuresPerAccount: { points: 5, seconds: 900 },
      bindFailuresPerAccountDaily: { points: 20, seconds: 86400 },
      bindFailuresPerIp: { points: 30, seconds: 3600 },
      bindFailuresPerIpDaily: { points: 100, seconds: 86400 },
      bindFailuresDistrict: { points: 100, seconds: 3600 },
      invitationsPerElder: { points: 10, seconds: 86400 },
    })
    expect(loadConfig({}).rateLimits).not.toHaveProperty('bindFailuresGlobal')
    expect(() => loadConfig({ RATE_LIMIT_BIND_DISTRICT: 'many' })).toThrow(/RATE_LIMIT_BIND_DISTRICT/)
    expect(loadConfig({ RATE_LIMIT_INVITATIONS_PER_ELDER: '4' }).rateLimits.invitationsPerElder).toEqual({ points: 4, seconds: 86400 })
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxyHops).toBe(1)
    expect(loadConfig({}).trustProxyHops).toBe(0)
  })
})
