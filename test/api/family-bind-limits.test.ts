/**
 * Guessing invitation codes is bounded: failed redemptions are counted per account (per 15 minutes and per day)
 * and across all accounts, and invitations per elder; 429 RATE_LIMITED with Retry-After. Each case runs an app
 * with low limits and counters of its own on one shared test database (the defaults and their arithmetic are in
 * server/src/config.ts).
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

const limited = (limits: NodeJS.ProcessEnv) => ({ db: base.testDb, env: { RATE_LIMIT_PREFIX: `cc:test:bind:${randomBytes(6).toString('hex')}`, ...limits } }) satisfies TestAppOptions

let phoneSeq = 10
async function relative(app: TestApp): Promise<string> {
  const phone = `1390001${String(phoneSeq++).padStart(4, '0')}`
  await query(base, sql`INSERT INTO users (role, name, phone) VALUES ('family', '测试家属', ${phone})`)
  return app.login(phone)
}
const bind = (app: TestApp, token: string, code: string) => app.request.post('/api/family/bindings').set(bearer(token)).send({ code, relation: '子女' })
const invite = async (app: TestApp, phone: string = DEMO_PHONES.elderPaid) => app.request.post('/api/family/invitations').set(bearer(await app.login(phone))).send({})
/** A code no invitation holds (invitations draw at random; these never collide in one test). */
let wrongSeq = 0
const wrong = () => `9${String(wrongSeq++).padStart(5, '0')}`

function expectRateLimited(res: Response, minSeconds: number, maxSeconds: number) {
  expectError(res, 429, 'RATE_LIMITED')
  const seconds = Number(res.headers['retry-after'])
  expect(seconds).toBeGreaterThanOrEqual(minSeconds)
  expect(seconds).toBeLessThanOrEqual(maxSeconds)
}

describe('failed redemptions', () => {
  it('per account per 15 minutes: past the limit even a right code is refused; another account still tries', async () => {
    await withTestApp(limited({ RATE_LIMIT_BIND_PER_ACCOUNT: '3/900' }), async (app) => {
      const guesser = await relative(app)
      for (let i = 0; i < 3; i++) expectError(await bind(app, guesser, wrong()), 400, 'INVITATION_INVALID')
      const { code } = (await invite(app)).body
      expectRateLimited(await bind(app, guesser, code), 1, 900)
      expect((await bind(app, await relative(app), code)).status).toBe(201)
    })
  })

  it('only failures count: a successful bind gives its attempt back', async () => {
    await withTestApp(limited({ RATE_LIMIT_BIND_PER_ACCOUNT: '2/900' }), async (app) => {
      const token = await relative(app)
      expectError(await bind(app, token, wrong()), 400, 'INVITATION_INVALID')
      expect((await bind(app, token, (await invite(app)).body.code)).status).toBe(201)
      expectError(await bind(app, token, wrong()), 400, 'INVITATION_INVALID')
      expectRateLimited(await bind(app, token, wrong()), 1, 900)
    })
  })

  it('per account per day, beyond the 15-minute window', async () => {
    await withTestApp(limited({ RATE_LIMIT_BIND_PER_ACCOUNT_DAILY: '2/86400' }), async (app) => {
      const token = await relative(app)
      for (let i = 0; i < 2; i++) expectError(await bind(app, token, wrong()), 400, 'INVITATION_INVALID')
      expectRateLimited(await bind(app, token, wrong()), 3600, 86400)
    })
  })

  it('across all accounts: many accounts together get no more guesses than the global limit', async () => {
    await withTestApp(limited({ RATE_LIMIT_BIND_GLOBAL: '4/3600' }), async (app) => {
      const accounts = [await relative(app), await relative(app), await relative(app)]
      for (const token of accounts.slice(0, 2)) for (let i = 0; i < 2; i++) expectError(await bind(app, token, wrong()), 400, 'INVITATION_INVALID')
      expectRateLimited(await bind(app, accounts[2], wrong()), 1, 3600)
    })
  })

  it('a burst of 20 parallel guesses from one account: exactly the allowed number are tried', async () => {
    await withTestApp(limited({ RATE_LIMIT_BIND_PER_ACCOUNT: '5/900' }), async (app) => {
      const token = await relative(app)
      const all = await Promise.all(Array.from({ length: 20 }, () => bind(app, token, wrong())))
      expect([all.filter((r) => r.status === 400).length, all.filter((r) => r.status === 429).length]).toEqual([5, 15])
    })
  })
})

describe('invitations per elder', () => {
  it('past the daily limit an elder’s new invitation is refused (staff helping count for the same elder)', async () => {
    await withTestApp(limited({ RATE_LIMIT_INVITATIONS_PER_ELDER: '2/86400' }), async (app) => {
      expect((await invite(app, DEMO_PHONES.elderLow)).status).toBe(201)
      const byStaff = await app.request.post('/api/family/invitations').set(bearer(await app.login(DEMO_PHONES.supervisor))).send({ elderId: 2 })
      expect(byStaff.status).toBe(201)
      expectRateLimited(await invite(app, DEMO_PHONES.elderLow), 3600, 86400)
      expect((await invite(app, DEMO_PHONES.elderFree)).status).toBe(201)
    })
  })
})

describe('configuration', () => {
  it('defaults: 5 per 15 min and 20 a day per account, 100 an hour for everyone, 10 invitations a day per elder', () => {
    expect(loadConfig({}).rateLimits).toMatchObject({
      bindFailuresPerAccount: { points: 5, seconds: 900 },
      bindFailuresPerAccountDaily: { points: 20, seconds: 86400 },
      bindFailuresGlobal: { points: 100, seconds: 3600 },
      invitationsPerElder: { points: 10, seconds: 86400 },
    })
    expect(() => loadConfig({ RATE_LIMIT_BIND_GLOBAL: 'many' })).toThrow(/RATE_LIMIT_BIND_GLOBAL/)
  })
})
