import { Writable } from 'node:stream'
import pino from 'pino'
import { startTestApp, withTestApp, bearer, type TestApp } from '../helpers/test-app'
import { expectError } from '../helpers/expect-error'
import { DEMO_PHONES } from '../../server/src/seed/seed-demo'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app?.close())

describe('the error middleware', () => {
  it('malformed JSON → 400 MALFORMED_JSON', async () => {
    const res = await app.request.post('/api/auth/dev-login').set('Content-Type', 'application/json').send('{"phone": "138')
    expectError(res, 400, 'MALFORMED_JSON')
  })

  it('a body over the limit (3 MB) → 413 PAYLOAD_TOO_LARGE', async () => {
    const big = JSON.stringify({ phone: '13800000001', padding: 'x'.repeat(3 * 1024 * 1024) })
    const res = await app.request.post('/api/auth/dev-login').set('Content-Type', 'application/json').send(big)
    expectError(res, 413, 'PAYLOAD_TOO_LARGE')
  })

  it('a body that is not JSON is refused with a 4xx, never read as empty success', async () => {
    const res = await app.request.post('/api/auth/dev-login').set('Content-Type', 'text/plain').send('phone=13800000001')
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(res.body.error).toEqual({ code: expect.any(String), message: expect.stringMatching(/[\u4e00-\u9fa5]/) })
  })

  it.each(['/api/nothing-here', '/api/stations', '/api/stations/1/price-board/extra', '/api'])('unknown route %s → 404 ROUTE_NOT_FOUND', async (path) => {
    expectError(await app.request.get(path), 404, 'ROUTE_NOT_FOUND')
  })

  it.each([
    ['delete', '/api/services'],
    ['post', '/api/stations/1/price-board'],
    ['get', '/api/auth/dev-login'],
    ['put', '/api/me'],
  ] as const)('%s %s → 405 METHOD_NOT_ALLOWED', async (method, path) => {
    const res = await app.request[method](path)
    expectError(res, 405, 'METHOD_NOT_ALLOWED')
  })

  it('every response carries a request id, and a safe incoming one is kept', async () => {
    const res = await app.request.get('/api/health').set('X-Request-Id', 'trace-abc-123').expect(200)
    expect(res.headers['x-request-id']).toBe('trace-abc-123')
    const unsafe = await app.request.get('/api/health').set('X-Request-Id', 'bad id\twith spaces').expect(200)
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
  })
})

describe('request logs', () => {
  it('hold one line per request and no phone numbers or coordinates', async () => {
    const lines: string[] = []
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    })
    await withTestApp({ db: app.testDb, log: pino({ level: 'info' }, sink) }, async (logged) => {
      const token = await logged.login(DEMO_PHONES.family)
      await logged.request.get('/api/me').set(bearer(token)).expect(200)
      await logged.request.get('/api/stations/nearby?lat=28.8776&lng=105.4406').expect(200)
      await logged.request.post('/api/auth/dev-login').send({ phone: '13012345678' }).expect(404)
    })
    const log = lines.join('')
    const requests = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request')
    expect(requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['POST', '/api/auth/dev-login', 200],
      ['GET', '/api/me', 200],
      ['GET', '/api/stations/nearby', 200],
      ['POST', '/api/auth/dev-login', 404],
    ])
    expect(requests[1].userId).toBe(9001)
    expect(log).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/)
    expect(log).not.toMatch(/\d{3}\*{4}\d{4}/)
    expect(log).not.toContain('28.8776')
    expect(log).not.toMatch(/eyJ[\w-]+\.[\w-]+\./) // no bearer tokens
  })
})
