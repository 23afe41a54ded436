/**
 * Issue 15 item 12: /api/openapi.json declares every status each operation can answer. Every operation of the
 * document is called as it is declared — by nobody and by each role, with the database up and down, with a body too
 * big, a body that is not JSON and headers too big — and every status the server answers must be declared for that
 * operation. Rate limits are driven to 429 on the operations that count attempts. The document itself stays valid
 * OpenAPI 3.0 (structure, references, path parameters).
 */
import http from 'node:http'
import type { Response } from 'supertest'
import { startTestApp, withTestApp, bearer, type TestApp } from '../helpers/test-app'
import { testServerUrl } from '../helpers/test-database'
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy'
import { DEMO_PHONES } from '../../server/src/seed/seed-demo'

type Method = 'get' | 'post' | 'put' | 'delete'
interface Operation {
  path: string
  method: Method
  responses: Record<string, { description?: string; content?: Record<string, { schema?: unknown }>; headers?: Record<string, unknown> }>
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[]
  requestBody?: unknown
  security?: unknown[]
}
interface Doc {
  openapi: string
  paths: Record<string, Record<string, Omit<Operation, 'path' | 'method'>>>
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> }
}

let proxy: TcpProxy
let app: TestApp
let doc: Doc
let operations: Operation[]
const tokens: Record<string, string> = {}
beforeAll(async () => {
  const server = testServerUrl()
  proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 3306) })
  app = await startTestApp({ appDatabaseUrl: (url) => proxy.via(url) })
  doc = (await app.request.get('/api/openapi.json').expect(200)).body
  operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method: method as Method, ...op })))
  await logInEveryone()
})
/** Fresh tokens: a sweep ends with each caller's logout, so a later test must not lean on a cached session. */
async function logInEveryone() {
  for (const [role, phone] of Object.entries({ elder: DEMO_PHONES.elderFree, family: DEMO_PHONES.family, staff: DEMO_PHONES.staffStation1, admin: DEMO_PHONES.adminStation1, supervisor: DEMO_PHONES.supervisor })) {
    tokens[role] = await app.login(phone)
  }
}
afterAll(async () => {
  await proxy?.start()
  await app?.close()
  await proxy?.close()
})

/** A real path for an operation: every path parameter 1. */
const concrete = (path: string) => path.replace(/\{\w+\}/g, '1')
const takesBody = (m: Method) => m === 'post' || m === 'put'
const declared = (op: Operation) => Object.keys(op.responses).map(Number)
const call = (op: Operation, token?: string) => {
  const req = app.request[op.method](concrete(op.path))
  if (token) req.set(bearer(token))
  return req
}

/** The statuses answered that the operation does not declare, as "METHOD path → status". */
function undeclared(answers: [Operation, number][]): string[] {
  return [...new Set(answers.filter(([op, status]) => !declared(op).includes(status)).map(([op, status]) => `${op.method.toUpperCase()} ${op.path} → ${status}`))]
}

/** Logging out or disabling would end the sweep's own sessions: those operations go last. */
const lastOnes = (ops: Operation[]) => [...ops].sort((a, b) => Number(/logout|disable/.test(a.path)) - Number(/logout|disable/.test(b.path)))

async function sweep(): Promise<[Operation, number][]> {
  const answers: [Operation, number][] = []
  for (const op of lastOnes(operations)) {
    for (const token of [undefined, ...Object.values(tokens)]) {
      const req = call(op, token).set('Idempotency-Key', `sweep-${Math.random()}`)
      const res = takesBody(op.method) ? await req.send({}) : await req
      answers.push([op, res.status])
    }
  }
  return answers
}

describe('every status an operation answers is declared for it', () => {
  it('called by nobody and by each role, as declared (empty bodies, id 1): no 500, nothing undeclared', async () => {
    const answers = await sweep()
    expect(answers.filter(([, s]) => s >= 500).map(([op, s]) => `${op.method} ${op.path} → ${s}`)).toEqual([])
    expect(undeclared(answers)).toEqual([])
  })

  it('a JSON body over the limit → 413 on every operation that takes a body', async () => {
    const big = JSON.stringify({ padding: 'x'.repeat(150 * 1024) })
    const answers: [Operation, number][] = []
    for (const op of operations.filter((o) => takesBody(o.method))) {
      const res = await call(op, tokens.supervisor).set('Content-Type', 'application/json').send(big)
      expect([op.path, res.status, res.body.error?.code]).toEqual([op.path, 413, 'PAYLOAD_TOO_LARGE'])
      answers.push([op, res.status])
    }
    expect(answers.length).toBeGreaterThan(10)
    expect(undeclared(answers)).toEqual([])
  })

  it('a body that is not JSON → 415 on every operation that takes a JSON body', async () => {
    const answers: [Operation, number][] = []
    for (const op of operations.filter((o) => takesBody(o.method) && !o.path.endsWith('/photos'))) {
      const res = await call(op, tokens.supervisor).set('Content-Type', 'text/plain').send('phone=13800000001')
      expect([op.path, res.status, res.body.error?.code]).toEqual([op.path, 415, 'UNSUPPORTED_MEDIA_TYPE'])
      expect(res.body.error.message).toMatch(/JSON/)
      answers.push([op, res.status])
    }
    expect(undeclared(answers)).toEqual([])
  })

  it('headers over 16 KB → 431 (answered by Node before the app) on every operation', async () => {
    const { hostname, port } = new URL(app.baseUrl)
    const statusOf = (op: Operation) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request({ host: hostname, port, method: op.method.toUpperCase(), path: concrete(op.path), headers: { 'X-Padding': 'x'.repeat(20 * 1024) } }, (res) => {
          res.resume()
          resolve(res.statusCode!)
        })
        req.on('error', reject)
        req.end()
      })
    const answers: [Operation, number][] = []
    for (const op of operations) answers.push([op, await statusOf(op)])
    expect(new Set(answers.map(([, s]) => s))).toEqual(new Set([431]))
    expect(undeclared(answers)).toEqual([])
  })

  it('with the database down: 503 DB_UNAVAILABLE (never a 500) and every answer declared', async () => {
    await logInEveryone()
    await proxy.stop()
    let answers: [Operation, number][]
    try {
      answers = await sweep()
      // Those that must reach the database to answer at all.
      for (const [method, path, token] of [['get', '/api/services'], ['get', '/api/stations/{id}/price-board'], ['post', '/api/auth/dev-login'], ['get', '/api/orders', 'elder'], ['get', '/api/stations/{id}/price-versions', 'admin']] as const) {
        const op = operations.find((o) => o.method === method && o.path === path)!
        const req = call(op, token ? tokens[token] : undefined)
        const res: Response = method === 'post' ? await req.send({ phone: DEMO_PHONES.elderFree }) : await req
        expect([path, res.status, res.body.error?.code]).toEqual([path, 503, 'DB_UNAVAILABLE'])
      }
    } finally {
      await proxy.start()
    }
    expect(answers.filter(([, s]) => s === 503).length).toBeGreaterThan(20)
    expect(answers.filter(([, s]) => s === 500).map(([op]) => `${op.method} ${op.path}`)).toEqual([])
    expect(undeclared(answers)).toEqual([])
  })

  it('past a rate limit → 429 with Retry-After, declared (with the header) on the operations that count attempts', async () => {
    const limits = { RATE_LIMIT_PREFIX: `cc:test:openapi:${Date.now()}`, RATE_LIMIT_LOGIN_PER_IP: '2/60', RATE_LIMIT_INVITATIONS_PER_ELDER: '1/60', RATE_LIMIT_BIND_PER_ACCOUNT: '1/60' }
    await withTestApp({ db: app.testDb, env: limits }, async (limited) => {
      const elder = await limited.login(DEMO_PHONES.elderFree)
      const family = await limited.login(DEMO_PHONES.familyUnbound)
      const tries: [string, () => Promise<Response>][] = [
        ['post /api/auth/dev-login', () => limited.request.post('/api/auth/dev-login').send({ phone: DEMO_PHONES.elderPaid })],
        ['post /api/auth/wechat', () => limited.request.post('/api/auth/wechat').send({ code: 'openapi-probe' })],
        ['post /api/family/invitations', () => limited.request.post('/api/family/invitations').set(bearer(elder)).send({ elderId: 1 })],
        ['post /api/family/bindings', () => limited.request.post('/api/family/bindings').set(bearer(family)).send({ code: '000000', relation: '子女' })],
      ]
      for (const [key, attempt] of tries) {
        let res = await attempt()
        for (let i = 0; i < 5 && res.status !== 429; i++) res = await attempt()
        expect([key, res.status, res.body.error?.code]).toEqual([key, 429, 'RATE_LIMITED'])
        expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1)
        const [method, path] = key.split(' ')
        const op = operations.find((o) => o.method === method && o.path === path)!
        expect([key, op.responses['429']?.headers?.['Retry-After']]).toEqual([key, expect.anything()])
      }
    })
  })
})

describe('the document is valid OpenAPI 3.0', () => {
  it('every operation: responses keyed by status with a description, parameters complete, every {param} declared, every $ref resolves', () => {
    expect(doc.openapi).toMatch(/^3\.0\.\d+$/)
    const problems: string[] = []
    const refs: string[] = []
    JSON.stringify(doc, (k, v) => {
      if (k === '$ref') refs.push(v)
      return v
    })
    for (const ref of refs) {
      const target = ref.replace(/^#\//, '').split('/').reduce<any>((at, part) => at?.[part], doc)
      if (!ref.startsWith('#/components/') || target === undefined) problems.push(`unresolved ${ref}`)
    }
    for (const op of operations) {
      const where = `${op.method.toUpperCase()} ${op.path}`
      if (!['get', 'post', 'put', 'delete', 'patch'].includes(op.method)) problems.push(`${where}: method`)
      const statuses = Object.keys(op.responses)
      if (statuses.length === 0) problems.push(`${where}: no responses`)
      for (const s of statuses) {
        if (!/^[1-5]\d\d$/.test(s)) problems.push(`${where}: status key ${s}`)
        if (typeof op.responses[s]!.description !== 'string') problems.push(`${where} ${s}: description`)
      }
      for (const p of op.parameters ?? []) {
        if (!p.name || !['path', 'query', 'header', 'cookie'].includes(p.in) || !p.schema) problems.push(`${where}: parameter ${p.name}`)
        if (p.in === 'path' && p.required !== true) problems.push(`${where}: path parameter ${p.name} not required`)
      }
      for (const [, name] of op.path.matchAll(/\{(\w+)\}/g)) {
        if (!(op.parameters ?? []).some((p) => p.in === 'path' && p.name === name)) problems.push(`${where}: {${name}} undeclared`)
      }
      for (const s of op.security ?? []) if (typeof s !== 'object') problems.push(`${where}: security`)
    }
    expect(problems).toEqual([])
  })
})
