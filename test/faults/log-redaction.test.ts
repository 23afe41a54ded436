import { Writable } from 'node:stream'
import { startTestApp, type TestApp } from '../helpers/test-app'
import { testServerUrl } from '../helpers/test-database'
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy'
import { expectError } from '../helpers/expect-error'
import { createLogger } from '../../server/src/logger'

// The app logs through the production logger into `lines`, and reaches MariaDB through a proxy the test can cut.
const lines: string[] = []
const sink = new Writable({
  write(chunk, _enc, done) {
    lines.push(String(chunk))
    done()
  },
})
let proxy: TcpProxy
let app: TestApp
beforeAll(async () => {
  const server = testServerUrl()
  proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 3306) })
  app = await startTestApp({ appDatabaseUrl: (url) => proxy.via(url), log: createLogger('info', sink) })
})
afterAll(async () => {
  await proxy?.start()
  await app?.close()
  await proxy?.close()
})

const PHONE = '13812345678'

test('with the database down, a failed dev-login logs the failure but never the phone number', async () => {
  await proxy.stop()
  try {
    expectError(await app.request.post('/api/auth/dev-login').send({ phone: PHONE }), 503, 'DB_UNAVAILABLE')
  } finally {
    await proxy.start()
  }
  const log = lines.join('')
  const errors = lines.map((l) => JSON.parse(l)).filter((l) => l.level >= 50)
  expect(errors).toHaveLength(1)
  expect(errors[0].err).toEqual(expect.objectContaining({ message: expect.any(String), stack: expect.any(String) }))
  expect(log).not.toContain(PHONE)
  expect(log).not.toContain('12345678')
  expect(log).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/)
})

test('an error carrying SQL and parameters (as mysql2 and drizzle errors do) is logged without them', async () => {
  lines.length = 0
  const err = Object.assign(new Error(`Failed query: select * from users where phone = ?\nparams: ${PHONE}`), {
    code: 'ER_SOMETHING', sql: `select * from users where phone = '${PHONE}'`, sqlMessage: `Duplicate entry '${PHONE}' for key 'users_phone_uq'`,
    parameters: [PHONE], values: [PHONE], cause: Object.assign(new Error(`Duplicate entry '${PHONE}'`), { sql: `insert … '${PHONE}'` }),
  })
  createLogger('info', sink).error({ err }, 'something failed')
  const log = lines.join('')
  expect(log).toContain('something failed')
  expect(log).toContain('ER_SOMETHING')
  expect(log).not.toContain('12345678')
  for (const field of ['"sql"', '"sqlMessage"', '"parameters"', '"values"']) expect(log).not.toContain(field)
})
