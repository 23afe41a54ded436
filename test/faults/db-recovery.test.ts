import { startTestApp, type TestApp } from '../helpers/test-app'
import { testServerUrl } from '../helpers/test-database'
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy'
import { expectError } from '../helpers/expect-error'

// The app reaches MariaDB only through a proxy the test can cut; setup and teardown go direct.
let proxy: TcpProxy
let app: TestApp
beforeAll(async () => {
  const server = testServerUrl()
  proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 3306) })
  app = await startTestApp({ appDatabaseUrl: (url) => proxy.via(url) })
})
afterAll(async () => {
  await proxy?.start() // let the app's pool end cleanly
  await app?.close()
  await proxy?.close()
})

const health = () => app.request.get('/api/health')

/** Polls until `ok` holds, up to `ms`: recovery must happen by itself, but not necessarily on the first request. */
async function eventually(check: () => Promise<boolean>, ms = 10_000): Promise<boolean> {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (await check()) return true
    await new Promise((r) => setTimeout(r, 200))
  }
  return false
}

test('health goes 503 when the database is unreachable and back to 200 by itself', async () => {
  expect((await health()).body).toEqual({ status: 'ok', db: 'up' })

  await proxy.stop()
  const down = await health()
  expect({ status: down.status, body: down.body }).toEqual({ status: 503, body: { status: 'degraded', db: 'down' } })

  await proxy.start()
  expect(await eventually(async () => (await health()).status === 200)).toBe(true)
  expect((await health()).body).toEqual({ status: 'ok', db: 'up' })
  // And the rest of the API with it.
  await app.request.get('/api/stations/1/price-board').expect(200)
})

test('with the database down, reads answer 503 DB_UNAVAILABLE quickly instead of hanging or a 500', async () => {
  await app.request.get('/api/stations/1/price-board').expect(200)
  await proxy.stop()
  try {
    const started = Date.now()
    expectError(await app.request.get('/api/stations/1/price-board'), 503, 'DB_UNAVAILABLE')
    expectError(await app.request.get('/api/services'), 503, 'DB_UNAVAILABLE')
    expectError(await app.request.post('/api/auth/dev-login').send({ phone: '13800000001' }), 503, 'DB_UNAVAILABLE')
    expect(Date.now() - started).toBeLessThan(10_000)
    // Nearby may answer from its in-memory station index; either way it is never a 500.
    const nearby = await app.request.get('/api/stations/nearby?lat=28.8776&lng=105.4406')
    expect([200, 503]).toContain(nearby.status)
  } finally {
    await proxy.start()
  }
  expect(await eventually(async () => (await app.request.get('/api/stations/1/price-board')).status === 200)).toBe(true)
})

test('a database that stops answering makes health 503 within seconds, not a hang', async () => {
  proxy.freeze()
  try {
    const started = Date.now()
    const res = await health().timeout(15_000)
    expect(res.status).toBe(503)
    expect(Date.now() - started).toBeLessThan(10_000)
  } finally {
    proxy.thaw()
    await proxy.stop() // the frozen connections hold half-read packets: drop them
    await proxy.start()
  }
  expect(await eventually(async () => (await health()).status === 200)).toBe(true)
})
