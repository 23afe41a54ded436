/**
 * Who may use the care map and care rounds: each actor × each new endpoint. The map, what-if, plans, the missed
 * desk and round coverage are the supervisor's (403 for every other role); round lists are each station's own
 * (another station's round is 404, as if it did not exist); the elder's round timeline follows the one elder-access
 * rule (elderFor 'read': elder, bound family, the covering station's staff and admin, supervisors; others 404).
 */
import { sql } from 'drizzle-orm'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { query } from '../helpers/booking'
import { DEMO_PHONES } from '../../server/src/seed/seed-demo'
import { sweepCareRounds } from '../../server/src/care-rounds/sweep-rounds'

const ACTORS = ['elder', 'otherElder', 'boundFamily', 'unboundFamily', 'staffOwn', 'staffOther', 'adminOwn', 'supervisor'] as const
type Actor = (typeof ACTORS)[number]
const tokens = {} as Record<Actor, string>
let app: TestApp
let now = new Date('2026-11-02T19:00:00+08:00')
let plan: number
let round: number // 王秀英's round, routed to station 1

beforeAll(async () => {
  app = await startTestApp({ clock: () => now })
  Object.assign(tokens, {
    elder: await app.login(DEMO_PHONES.elderFree), otherElder: await app.login(DEMO_PHONES.elderLow), boundFamily: await app.login(DEMO_PHONES.family),
    unboundFamily: await app.login(DEMO_PHONES.familyUnbound), staffOwn: await app.login(DEMO_PHONES.staffStation1), staffOther: await app.login(DEMO_PHONES.staffStation2),
    adminOwn: await app.login(DEMO_PHONES.adminStation1), supervisor: await app.login(DEMO_PHONES.supervisor),
  })
  plan = (await app.request.post('/api/care-round-plans').set(bearer(tokens.supervisor)).send({ elderId: 1, reason: 'very_old', mode: 'visit', everyDays: 7, startsOn: '2026-11-03' }).expect(201)).body.id
  await sweepCareRounds(app.deps)
  ;[{ id: round }] = await query(app, sql`SELECT id FROM care_rounds WHERE plan_id = ${plan}`)
  round = Number(round)
})
afterAll(() => app?.close())

type Call = { name: string; allowed: Actor[]; refused: 403 | 404; run: (who: Actor) => Promise<{ status: number; body: any }> }
const get = (path: string) => (who: Actor) => app.request.get(path).set(bearer(tokens[who]))
const send = (method: 'post' | 'put', path: () => string, body: object) => (who: Actor) => app.request[method](path()).set(bearer(tokens[who])).send(body)
const SUPERVISOR: Actor[] = ['supervisor']

// Reads first; a change is tried by refused actors only, so nothing is written by the matrix itself.
const READS: Call[] = [
  { name: 'GET /api/care-map/coverage', allowed: SUPERVISOR, refused: 403, run: get('/api/care-map/coverage') },
  { name: 'GET /api/care-map/map', allowed: SUPERVISOR, refused: 403, run: get('/api/care-map/map') },
  { name: 'POST /api/care-map/what-if', allowed: SUPERVISOR, refused: 403, run: send('post', () => '/api/care-map/what-if', { kind: 'station', point: { lat: 28.88, lng: 105.44 } }) },
  { name: 'GET /api/care-round-plans', allowed: SUPERVISOR, refused: 403, run: get('/api/care-round-plans') },
  { name: 'GET /api/care-rounds/missed', allowed: SUPERVISOR, refused: 403, run: get('/api/care-rounds/missed') },
  { name: 'GET /api/care-rounds/coverage', allowed: SUPERVISOR, refused: 403, run: get('/api/care-rounds/coverage?month=2026-11') },
  { name: 'GET /api/care-rounds', allowed: ['staffOwn', 'staffOther', 'adminOwn', 'supervisor'], refused: 403, run: get('/api/care-rounds') },
  { name: 'GET /api/elders/1/rounds', allowed: ['elder', 'boundFamily', 'staffOwn', 'adminOwn', 'supervisor'], refused: 404, run: get('/api/elders/1/rounds?month=2026-11') },
]
const CHANGES: Call[] = [
  { name: 'POST /api/care-round-plans', allowed: SUPERVISOR, refused: 403, run: send('post', () => '/api/care-round-plans', { elderId: 3, reason: 'live_alone', mode: 'visit', everyDays: 7 }) },
  { name: 'PUT /api/care-round-plans/:id', allowed: SUPERVISOR, refused: 403, run: send('put', () => `/api/care-round-plans/${plan}`, { everyDays: 3 }) },
  { name: 'POST /api/care-round-plans/:id/end', allowed: SUPERVISOR, refused: 403, run: send('post', () => `/api/care-round-plans/${plan}/end`, { reason: '测试结束' }) },
  // Roles that never record rounds are refused by role (403); workers of another station, and a supervisor for a
  // round that has a station, see no such round (404).
  { name: 'POST /api/care-rounds/:id/outcome', allowed: ['staffOwn', 'adminOwn'], refused: 404, run: send('post', () => `/api/care-rounds/${round}/outcome`, { outcome: 'visited_well' }) },
]

describe.each(READS)('$name', (call) => {
  it.each(ACTORS)('%s', async (who) => {
    const res = await call.run(who)
    if (call.allowed.includes(who)) expect(res.status).toBe(200)
    else expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: call.refused, code: call.refused === 403 ? 'FORBIDDEN' : 'ELDER_NOT_FOUND' })
  })
})

describe.each(CHANGES)('$name (refused actors; nothing changes)', (call) => {
  const roleOnly = (who: Actor) => ['elder', 'otherElder', 'boundFamily', 'unboundFamily'].includes(who)
  it.each(ACTORS.filter((a) => !call.allowed.includes(a)))('%s is refused', async (who) => {
    const res = await call.run(who)
    const expected = call.refused === 404 && roleOnly(who) ? 403 : call.refused
    expect(res.status).toBe(expected)
  })
  it('left everything as it was', async () => {
    const [p] = await query(app, sql`SELECT every_days AS d, ended_at AS e FROM care_round_plans WHERE id = ${plan}`)
    expect({ d: Number(p.d), e: p.e }).toEqual({ d: 7, e: null })
    expect(await query(app, sql`SELECT id FROM care_round_plans WHERE elder_id = 3`)).toEqual([])
    const [r] = await query(app, sql`SELECT status FROM care_rounds WHERE id = ${round}`)
    expect(r.status).toBe('open')
  })
})

describe('round lists by station', () => {
  it('show a station its own rounds only', async () => {
    const ids = async (who: Actor) => (await get('/api/care-rounds')(who)).body.rounds.map((r: any) => r.id)
    expect(await ids('staffOwn')).toContain(round)
    expect(await ids('adminOwn')).toContain(round)
    expect(await ids('staffOther')).not.toContain(round)
    expect(await ids('supervisor')).not.toContain(round) // the supervisor's list holds only rounds no station covers
  })

  it('let the station record its round, once', async () => {
    now = new Date('2026-11-03T10:00:00+08:00')
    const res = await send('post', () => `/api/care-rounds/${round}/outcome`, { outcome: 'visited_well' })('staffOwn')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ recordedBy: expect.any(String), outcomeLabel: '看过了，一切都好' })
    expect((await send('post', () => `/api/care-rounds/${round}/outcome`, { outcome: 'visited_well' })('adminOwn')).status).toBe(409)
  })
})

test('every care map and care round endpoint is in the OpenAPI document, with its roles’ refusals', async () => {
  const { paths } = (await app.request.get('/api/openapi.json').expect(200)).body
  for (const [p, method] of [
    ['/api/care-map/coverage', 'get'], ['/api/care-map/map', 'get'], ['/api/care-map/what-if', 'post'],
    ['/api/care-round-plans', 'post'], ['/api/care-round-plans', 'get'], ['/api/care-round-plans/{id}', 'put'], ['/api/care-round-plans/{id}/end', 'post'],
    ['/api/care-rounds', 'get'], ['/api/care-rounds/missed', 'get'], ['/api/care-rounds/{id}/outcome', 'post'], ['/api/care-rounds/coverage', 'get'], ['/api/elders/{id}/rounds', 'get'],
  ]) {
    expect(paths[p]?.[method]).toBeDefined()
  }
  expect(paths['/api/care-map/map'].get.responses['403']).toBeDefined()
})
