import path from 'node:path'
import os from 'node:os'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import pino, { type Logger } from 'pino'
import supertest from 'supertest'
import { closeDeps, createApp, createDeps, depsReady, type AppDeps } from '../../server/src/app'
import { loadConfig } from '../../server/src/config'
import { createDatabase, type Database } from '../../server/src/db/client'
import { createTestDatabase, type TestDatabase } from './test-database'
import { FAKE_APPID, FAKE_SECRET, startFakeWechat, type FakeWechat } from './fake-wechat'

export const H5_DIR = path.resolve(__dirname, '../../miniapp/dist/h5')

export interface TestAppOptions {
  /** Extra environment for loadConfig, e.g. { NODE_ENV: 'production' }; applied last. */
  env?: NodeJS.ProcessEnv
  /** Defaults to a silent logger. */
  log?: Logger
  clock?: () => Date
  /** Serve the built H5 mini-program at / (for browser tests). */
  h5?: boolean
  /** Reuse a database another app in the same file already set up; it is then not dropped on close. */
  db?: TestDatabase
  /** Where the app's own pool connects, given the database URL (e.g. through a fault-injecting proxy). */
  appDatabaseUrl?: (url: string) => string
}

export interface TestApp {
  baseUrl: string
  request: supertest.Agent
  /** A pool on the test database for the test's own queries (not the app's pool). */
  database: Database
  testDb: TestDatabase
  deps: AppDeps
  wechat: FakeWechat
  /** dev-login → bearer token. */
  login(phone: string): Promise<string>
  /** dev-login → the token and user a logged-in page keeps (for openPage's `login`). */
  session(phone: string): Promise<{ token: string; user: { id: number; role: string; name: string } }>
  close(): Promise<void>
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })
}

/**
 * A real app on a fresh MariaDB database (cc_test_<random>), listening on a free port, with WeChat
 * replaced by a local fake. close() stops everything and drops the database.
 */
export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const testDb = opts.db ?? (await createTestDatabase())
  const wechat = await startFakeWechat()
  const appUrl = opts.appDatabaseUrl ? opts.appDatabaseUrl(testDb.url) : testDb.url
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    AUTH_DEV_LOGIN: '1',
    DATABASE_URL: appUrl,
    WECHAT_API_BASE: wechat.baseUrl,
    WECHAT_APPID: FAKE_APPID,
    WECHAT_SECRET: FAKE_SECRET,
    H5_DIR: opts.h5 ? H5_DIR : '',
    UPLOAD_DIR: path.join(os.tmpdir(), `cc-uploads-${testDb.url.split('/').pop()}`),
    // Counters per test database: test files running in parallel never share them, two apps on one database do.
    // Limits high enough for the many logins of a test file; rate-limits.test.ts sets low ones.
    RATE_LIMIT_PREFIX: `cc:test:${new URL(testDb.url).pathname.slice(1)}`,
    RATE_LIMIT_LOGIN_PER_IP: '100000/60',
    RATE_LIMIT_LOGIN_PER_ACCOUNT: '100000/60',
    RATE_LIMIT_ACCOUNTS_PER_IP: '100000/60',
    RATE_LIMIT_BIND_PER_ACCOUNT: '100000/60',
    RATE_LIMIT_BIND_PER_ACCOUNT_DAILY: '100000/60',
    RATE_LIMIT_BIND_PER_IP: '100000/60',
    RATE_LIMIT_BIND_PER_IP_DAILY: '100000/60',
    RATE_LIMIT_BIND_DISTRICT: '100000/60',
    RATE_LIMIT_INVITATIONS_PER_ELDER: '100000',
    RATE_LIMIT_COMPLAINTS_PER_ACCOUNT: '100000',
    RATE_LIMIT_ELDER_PROFILES_PER_ACCOUNT: '100000',
    ...opts.env,
  })
  const appDatabase = createDatabase(appUrl, 10)
  const deps = createDeps(config, appDatabase, opts.log ?? pino({ level: 'silent' }), opts.clock)
  await depsReady(deps)
  const server = createServer(createApp(deps).callback())
  const baseUrl = `http://127.0.0.1:${await listen(server)}`
  const request = supertest.agent(baseUrl)

  return {
    baseUrl,
    request,
    database: testDb.database,
    testDb,
    deps,
    wechat,
    async login(phone) {
      const res = await request.post('/api/auth/dev-login').send({ phone })
      if (res.status !== 200) throw new Error(`dev-login ${phone} → ${res.status} ${JSON.stringify(res.body)}`)
      return res.body.token as string
    },
    async session(phone) {
      const res = await request.post('/api/auth/dev-login').send({ phone })
      if (res.status !== 200) throw new Error(`dev-login ${phone} → ${res.status} ${JSON.stringify(res.body)}`)
      return { token: res.body.token as string, user: res.body.user }
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await appDatabase.close().catch(() => {})
      closeDeps(deps)
      await wechat.close()
      if (!opts.db) await testDb.drop()
    },
  }
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })

/** Runs `check` against a short-lived app (e.g. another config on a database a test already has), then closes it. */
export async function withTestApp<T>(opts: TestAppOptions, check: (app: TestApp) => Promise<T>): Promise<T> {
  const app = await startTestApp(opts)
  try {
    return await check(app)
  } finally {
    await app.close()
  }
}
