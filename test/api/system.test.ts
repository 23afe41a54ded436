import { startTestApp, type TestApp } from '../helpers/test-app'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app?.close())

test('GET /api/health answers ok with the database up', async () => {
  const res = await app.request.get('/api/health').expect(200)
  expect(res.body).toEqual({ status: 'ok', db: 'up' })
  expect(res.headers['x-request-id']).toMatch(/^[\w-]+$/)
})

test('GET /api/openapi.json is an OpenAPI 3 document listing the foundation operations', async () => {
  const res = await app.request.get('/api/openapi.json').expect(200)
  expect(res.body.openapi).toMatch(/^3\./)
  expect(res.body.info.title).toEqual(expect.any(String))
  const paths = res.body.paths
  for (const [p, method] of [
    ['/api/health', 'get'],
    ['/api/services', 'get'],
    ['/api/stations/nearby', 'get'],
    ['/api/stations/{id}/price-board', 'get'],
    ['/api/auth/dev-login', 'post'],
    ['/api/auth/wechat', 'post'],
    ['/api/me', 'get'],
  ]) {
    expect(paths[p]?.[method]).toBeDefined()
  }
  // Parameters come from the same zod schemas the routes validate with.
  const nearby = paths['/api/stations/nearby'].get.parameters.map((p: { name: string; in: string; required: boolean }) => [p.name, p.in, p.required])
  expect(nearby).toEqual(expect.arrayContaining([['lat', 'query', true], ['lng', 'query', true]]))
  expect(paths['/api/stations/{id}/price-board'].get.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'id', in: 'path', required: true })]))
  // The price board is public; /api/me needs the bearer token.
  expect(paths['/api/stations/{id}/price-board'].get.security).toEqual([])
  expect(paths['/api/me'].get.security).toBeUndefined()
  expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' })
})

test('GET /api/services lists the whole menu with every category the brief names', async () => {
  const res = await app.request.get('/api/services').expect(200)
  const services = res.body.services as { id: number; code: string; name: string; category: string; unit: string; durationMinutes: number }[]
  expect(services.length).toBeGreaterThanOrEqual(12)
  const categories = new Set(services.map((s) => s.category))
  for (const c of ['meal', 'cleaning', 'bathing', 'medical', 'mobility', 'emergency', 'visit', 'repair', 'errand', 'grooming', 'rehab', 'companionship']) {
    expect(categories).toContain(c)
  }
  for (const s of services) {
    expect(s.name).toMatch(/[\u4e00-\u9fa5]/)
    expect(s.unit).not.toBe('')
    expect(Number.isInteger(s.durationMinutes)).toBe(true)
  }
  expect(new Set(services.map((s) => s.code)).size).toBe(services.length)
})
