/**
 * One rule for every route that takes an elderId or returns elder data (server/src/access/elder-access.ts),
 * checked as a matrix: each actor × each resource of 王秀英 (elder 1). Allowed actors get the data; everyone else
 * is refused (401 disabled, 403 wrong role, 404 not theirs — never saying whether the thing exists) and lists
 * leave her out. Resources that change something are tried by the refused actors only, and nothing is written.
 */
import { sql } from 'drizzle-orm'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { DEMO_PHONES } from '../../server/src/seed/seed-demo'
import { act, book, CLEANING, NOW, query } from '../helpers/booking'

const ACTORS = ['elder', 'otherElder', 'boundFamily', 'unboundFamily', 'revokedFamily', 'staffOwn', 'staffOther', 'adminOwn', 'supervisor', 'disabledFamily'] as const
type Actor = (typeof ACTORS)[number]

let app: TestApp
let now = NOW
const tokens = {} as Record<Actor, string>
let completed: number // a visit done at station 1 (the elder's station)
let open: number // a booking still open
let complaint: number
let filedByRevoked: number
let daughterLink: number

const ELDER = 1
const SLOT_DONE = '2026-11-24T09:00:00+08:00'

beforeAll(async () => {
  app = await startTestApp({ clock: () => now })
  const login = (phone: string) => app.login(phone)
  Object.assign(tokens, {
    elder: await login(DEMO_PHONES.elderFree), otherElder: await login(DEMO_PHONES.elderLow), boundFamily: await login(DEMO_PHONES.family),
    unboundFamily: await login(DEMO_PHONES.familyUnbound), staffOwn: await login(DEMO_PHONES.staffStation1), staffOther: await login(DEMO_PHONES.staffStation2),
    adminOwn: await login(DEMO_PHONES.adminStation1), supervisor: await login(DEMO_PHONES.supervisor),
  })
  // Two more relatives bound with the elder's code: one then revoked by the elder, one whose account is then stopped.
  await query(app, sql`INSERT INTO users (role, name, phone) VALUES ('family', '前女婿', '13911119001'), ('family', '外孙', '13911119002')`)
  tokens.revokedFamily = await login('13911119001')
  tokens.disabledFamily = await login('13911119002')
  for (const who of ['revokedFamily', 'disabledFamily'] as const) {
    const { code } = (await app.request.post('/api/family/invitations').set(bearer(tokens.elder)).send({}).expect(201)).body
    const bound = await app.request.post('/api/family/bindings').set(bearer(tokens[who])).send({ code, relation: who === 'revokedFamily' ? '其他亲属' : '孙辈' }).expect(201)
    if (who !== 'revokedFamily') continue
    // While bound he complains about her station; revoked, the complaint stays with her, not with him.
    filedByRevoked = (await app.request.post('/api/complaints').set(bearer(tokens[who])).send({ elderId: ELDER, stationId: 1, category: 'attitude', description: '驿站接电话的人很不耐烦', anonymous: false }).expect(201)).body.id
    await app.request.delete(`/api/family/bindings/${bound.body.id}`).set(bearer(tokens.elder)).expect(200)
  }
  // A visit booked by the daughter, done by station 1, complained about; and one still open.
  const placed = await book(app, tokens.boundFamily, { elderId: ELDER, serviceId: CLEANING, slotStart: SLOT_DONE })
  expect(placed.body.station.id).toBe(1)
  completed = placed.body.id
  await act(app, tokens.staffOwn, completed, 'accept').expect(200)
  now = new Date(SLOT_DONE)
  await act(app, tokens.staffOwn, completed, 'start').expect(200)
  now = new Date(now.getTime() + 60 * 60_000)
  await act(app, tokens.staffOwn, completed, 'complete', { chargedFen: 0, workNote: '打扫卫生' }).expect(200)
  now = NOW
  open = (await book(app, tokens.boundFamily, { elderId: ELDER, serviceId: CLEANING, slotStart: '2026-11-25T09:00:00+08:00' })).body.id
  complaint = (await app.request.post('/api/complaints').set(bearer(tokens.boundFamily)).send({ orderId: completed, category: 'quality', description: '厨房没有擦干净', anonymous: false }).expect(201)).body.id
  const [link] = await query(app, sql`SELECT l.id FROM family_links l JOIN users u ON u.id = l.family_user_id WHERE u.phone = ${DEMO_PHONES.family}`)
  daughterLink = Number(link.id)
  // Stopped after binding: the token it holds is refused from the next request.
  const [disabled] = await query(app, sql`SELECT id FROM users WHERE phone = '13911119002'`)
  await app.request.post(`/api/users/${disabled.id}/disable`).set(bearer(tokens.supervisor)).send({ reason: '账号被盗' }).expect(200)
})
afterAll(() => app?.close())

const get = (who: Actor, path: string) => app.request.get(path).set(bearer(tokens[who]))
const post = (who: Actor, path: string, body: object) => app.request.post(path).set(bearer(tokens[who])).send(body)
const has = (list: { id?: number; elder?: { id: number } }[] | undefined, id: number, key: 'id' | 'elder' = 'id') => !!list?.some((x) => (key === 'id' ? x.id : x.elder?.id) === id)

/** A read: allowed actors must get 200 and see the elder's data; `seen` says whether the answer shows it. */
type Read = { name: string; allowed: Actor[]; run: (who: Actor) => Promise<{ status: number; seen: boolean }> }
const via = (path: () => string, seen: (body: any) => boolean = () => true) => async (who: Actor) => {
  const res = await get(who, path())
  return { status: res.status, seen: res.status === 200 && seen(res.body) }
}
const RESIDENTS: Actor[] = ['elder', 'boundFamily']
const SERVING: Actor[] = [...RESIDENTS, 'staffOwn', 'adminOwn', 'supervisor']

const READS: Read[] = [
  { name: 'GET /api/me (elders)', allowed: RESIDENTS, run: via(() => '/api/me', (b) => has(b.elders, ELDER)) },
  { name: 'GET /api/orders (list)', allowed: SERVING, run: via(() => '/api/orders', (b) => has(b.orders, completed)) },
  { name: 'GET /api/orders/:id', allowed: SERVING, run: via(() => `/api/orders/${completed}`) },
  { name: 'GET /api/orders/:id/visit-record', allowed: SERVING, run: via(() => `/api/orders/${completed}/visit-record`) },
  { name: 'GET /api/elders/:id/visits', allowed: SERVING, run: via(() => `/api/elders/${ELDER}/visits?month=2026-11`, (b) => b.visits.length > 0) },
  { name: 'GET /api/elders/:id/coverage', allowed: SERVING, run: via(() => `/api/elders/${ELDER}/coverage`) },
  { name: 'GET /api/bookable-slots', allowed: SERVING, run: via(() => `/api/bookable-slots?elderId=${ELDER}&serviceId=${CLEANING}&date=2026-11-26`) },
  { name: 'GET /api/complaints/:id', allowed: SERVING, run: via(() => `/api/complaints/${complaint}`) },
  { name: 'GET /api/complaints (list)', allowed: SERVING, run: via(() => '/api/complaints', (b) => has(b.complaints, complaint)) },
  { name: 'GET /api/complaints/:id (filed by a relative revoked since)', allowed: SERVING, run: via(() => `/api/complaints/${filedByRevoked}`) },
  { name: 'GET /api/complaints (list, filed by a relative revoked since)', allowed: SERVING, run: via(() => '/api/complaints', (b) => has(b.complaints, filedByRevoked)) },
  { name: 'GET /api/family/bindings', allowed: SERVING, run: via(() => `/api/family/bindings?elderId=${ELDER}`, (b) => has(b.bindings, ELDER, 'elder')) },
  { name: 'GET /api/family/invitations/live', allowed: ['elder', 'staffOwn', 'adminOwn', 'supervisor'], run: via(() => `/api/family/invitations/live?elderId=${ELDER}`, (b) => b.elder.id === ELDER) },
  { name: 'GET /api/elders/:id/hours (subsidy)', allowed: [...RESIDENTS, 'supervisor'], run: via(() => `/api/elders/${ELDER}/hours`) },
  { name: 'GET /api/elders?q= (search)', allowed: ['staffOwn', 'adminOwn', 'supervisor'], run: via(() => `/api/elders?q=${encodeURIComponent('王秀英')}`, (b) => has(b.elders, ELDER)) },
  {
    name: 'POST /api/quotes', allowed: SERVING,
    run: async (who) => {
      const res = await post(who, '/api/quotes', { elderId: ELDER, serviceId: CLEANING, slotStart: '2026-11-26T10:00:00+08:00' })
      return { status: res.status, seen: res.status === 200 }
    },
  },
]

/** A change: refused actors must get 401/403/404 and leave no trace. */
type Change = { name: string; allowed: Actor[]; run: (who: Actor) => Promise<number>; unchanged: () => Promise<boolean> }
const count = async (q: ReturnType<typeof sql>) => Number((await query(app, q))[0].n)
const CHANGES: Change[] = [
  {
    name: 'POST /api/orders (book)', allowed: SERVING,
    run: async (who) => (await book(app, tokens[who], { elderId: ELDER, serviceId: CLEANING, slotStart: '2026-11-26T14:00:00+08:00' })).status,
    unchanged: async () => (await count(sql`SELECT COUNT(*) AS n FROM orders WHERE elder_id = ${ELDER} AND slot_start = '2026-11-26 06:00:00'`)) === 0,
  },
  {
    name: 'POST /api/orders/:id/cancel', allowed: RESIDENTS,
    run: async (who) => (await act(app, tokens[who], open, 'cancel')).status,
    unchanged: async () => (await query(app, sql`SELECT status FROM orders WHERE id = ${open}`))[0].status === 'assigned',
  },
  {
    name: 'POST /api/complaints', allowed: RESIDENTS,
    run: async (who) => (await post(who, '/api/complaints', { orderId: completed, category: 'fee', description: '签退时多收了二十元钱，和预约时说的不一样', anonymous: false })).status,
    unchanged: async () => (await count(sql`SELECT COUNT(*) AS n FROM complaints WHERE order_id = ${completed}`)) === 1,
  },
  {
    name: 'POST /api/family/invitations', allowed: ['elder', 'staffOwn', 'adminOwn', 'supervisor'],
    run: async (who) => (await post(who, '/api/family/invitations', { elderId: ELDER })).status,
    unchanged: async () => (await count(sql`SELECT COUNT(*) AS n FROM family_invitations WHERE elder_id = ${ELDER}`)) === 2,
  },
  {
    name: 'PUT /api/elders/:id/tier', allowed: ['supervisor'],
    run: async (who) => (await app.request.put(`/api/elders/${ELDER}/tier`).set(bearer(tokens[who])).send({ tier: 'low', category: 'empty_nest', reason: '想改成低偿' })).status,
    unchanged: async () => (await query(app, sql`SELECT tier FROM elders WHERE id = ${ELDER}`))[0].tier === 'free',
  },
  {
    name: 'POST /api/elders/:id/hours/adjustments', allowed: ['supervisor'],
    run: async (who) => (await post(who, `/api/elders/${ELDER}/hours/adjustments`, { kind: 'housekeeping', minutes: 60, reason: '多给一小时' })).status,
    unchanged: async () => (await count(sql`SELECT COUNT(*) AS n FROM hours_ledger WHERE movement = 'adjust'`)) === 0,
  },
  {
    name: 'DELETE /api/family/bindings/:id', allowed: ['elder', 'boundFamily', 'supervisor'],
    run: async (who) => (await app.request.delete(`/api/family/bindings/${daughterLink}`).set(bearer(tokens[who]))).status,
    unchanged: async () => (await query(app, sql`SELECT revoked_at FROM family_links WHERE id = ${daughterLink}`))[0].revoked_at === null,
  },
]

describe('the access matrix for 王秀英’s data', () => {
  it.each(READS.map((r) => [r.name, r] as const))('%s: only the allowed actors see it', async (_, r) => {
    const outcome: Record<string, string> = {}
    for (const who of ACTORS) {
      const { status, seen } = await r.run(who)
      outcome[who] = seen ? 'sees' : `refused ${status}`
      if (r.allowed.includes(who)) expect([who, status, seen]).toEqual([who, 200, true])
      else expect([who, seen, status === 200 || [401, 403, 404].includes(status)]).toEqual([who, false, true])
    }
    // Refusals never say more than that: the same for an actor refused by role or by relation.
    expect(outcome.disabledFamily).toBe('refused 401')
  })

  it.each(CHANGES.map((c) => [c.name, c] as const))('%s: refused for everyone not allowed, with nothing written', async (_, c) => {
    for (const who of ACTORS.filter((a) => !c.allowed.includes(a))) {
      const status = await c.run(who)
      expect([who, [401, 403, 404].includes(status) ? 'refused' : status]).toEqual([who, 'refused'])
      expect([who, await c.unchanged()]).toEqual([who, true])
    }
  })

  it('an unbound relative asking for a missing elder and for 王秀英 gets the same answer (existence does not leak)', async () => {
    const mine = await get('unboundFamily', `/api/elders/${ELDER}/visits`)
    const missing = await get('unboundFamily', '/api/elders/987654/visits')
    expect([mine.status, mine.body]).toEqual([missing.status, missing.body])
    const theirs = await post('staffOther', '/api/quotes', { elderId: ELDER, serviceId: CLEANING, slotStart: '2026-11-26T10:00:00+08:00' })
    const none = await post('staffOther', '/api/quotes', { elderId: 987654, serviceId: CLEANING, slotStart: '2026-11-26T10:00:00+08:00' })
    expect([theirs.status, theirs.body]).toEqual([none.status, none.body])
  })
})
