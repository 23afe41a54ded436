/**
 * 关爱巡访 against real MariaDB with a controllable clock: a plan, rounds created a day ahead by the sweeper and
 * routed like orders (station 1 for 王秀英; the supervisors' list for 陈德明, outside every circle), recording,
 * "needs help" told to the bound family and the supervisors and nobody else, missed rounds on the desk, the
 * elder's timeline, and the month's on-schedule share.
 */
import { sql } from 'drizzle-orm'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { expectError } from '../helpers/expect-error'
import { query } from '../helpers/booking'
import { DEMO_PHONES } from '../../server/src/seed/seed-demo'
import { sweepCareRounds } from '../../server/src/care-rounds/sweep-rounds'

const DAY = 86_400_000
let now = new Date('2026-11-02T08:00:00+08:00')
let app: TestApp
const t = {} as Record<'elder' | 'family' | 'unbound' | 'staff1' | 'staff2' | 'supervisor', string>
const sweep = () => sweepCareRounds(app.deps)
const post = (who: keyof typeof t, path: string, body: object) => app.request.post(path).set(bearer(t[who])).send(body)
const get = (who: keyof typeof t, path: string) => app.request.get(path).set(bearer(t[who]))

beforeAll(async () => {
  app = await startTestApp({ clock: () => now })
  Object.assign(t, {
    elder: await app.login(DEMO_PHONES.elderFree), family: await app.login(DEMO_PHONES.family), unbound: await app.login(DEMO_PHONES.familyUnbound),
    staff1: await app.login(DEMO_PHONES.staffStation1), staff2: await app.login(DEMO_PHONES.staffStation2), supervisor: await app.login(DEMO_PHONES.supervisor),
  })
})
afterAll(() => app?.close())

let wangPlan: number
let chenPlan: number

describe('plans', () => {
  it('makes a weekly visit plan for 王秀英 starting tomorrow, one per elder', async () => {
    const res = await post('supervisor', '/api/care-round-plans', { elderId: 1, reason: 'very_old', note: '92 岁，白内障', mode: 'visit', everyDays: 7, startsOn: '2026-11-03' }).expect(201)
    expect(res.body).toMatchObject({ elder: { id: 1, name: '王秀英' }, reasonLabel: '高龄', frequencyText: '每 7 天上门走访一次', firstDueAt: '2026-11-03T18:00:00+08:00', endedAt: null })
    wangPlan = res.body.id
    expectError(await post('supervisor', '/api/care-round-plans', { elderId: 1, reason: 'live_alone', mode: 'phone', everyDays: 3 }), 409, 'CARE_PLAN_EXISTS')
  })

  it('refuses bad input and a start in the past, and a missing elder is 404', async () => {
    expectError(await post('supervisor', '/api/care-round-plans', { elderId: 3, reason: '孤寡', mode: 'visit', everyDays: 7 }), 400, 'VALIDATION_FAILED')
    expectError(await post('supervisor', '/api/care-round-plans', { elderId: 3, reason: 'live_alone', mode: 'visit', everyDays: 0 }), 400, 'VALIDATION_FAILED')
    expectError(await post('supervisor', '/api/care-round-plans', { elderId: 3, reason: 'live_alone', mode: 'visit', everyDays: 7, startsOn: '2026-11-01' }), 400, 'VALIDATION_FAILED')
    expectError(await post('supervisor', '/api/care-round-plans', { elderId: 99999, reason: 'live_alone', mode: 'visit', everyDays: 7 }), 404, 'ELDER_NOT_FOUND')
  })

  it('replaces 陈德明’s seeded plan: ending it, then a new one; an ended plan cannot change', async () => {
    const seeded = (await get('supervisor', '/api/care-round-plans').expect(200)).body.plans.find((p: any) => p.elder.id === 4)
    expect(seeded).toMatchObject({ reasonLabel: '独居' })
    const ended = await post('supervisor', `/api/care-round-plans/${seeded.id}/end`, { reason: '改为新的巡访安排' }).expect(200)
    expect(ended.body.endedAt).not.toBeNull()
    expectError(await app.request.put(`/api/care-round-plans/${seeded.id}`).set(bearer(t.supervisor)).send({ everyDays: 3 }), 409, 'ILLEGAL_TRANSITION')
    chenPlan = (await post('supervisor', '/api/care-round-plans', { elderId: 4, reason: 'live_alone', mode: 'visit', everyDays: 7, startsOn: '2026-11-03' }).expect(201)).body.id
    const changed = await app.request.put(`/api/care-round-plans/${chenPlan}`).set(bearer(t.supervisor)).send({ mode: 'phone', everyDays: 3 }).expect(200)
    expect(changed.body.frequencyText).toBe('每 3 天电话问候一次')
  })
})

describe('rounds', () => {
  let wangRound: number
  let chenRound: number

  it('are created a day before they fall due, once, routed to station 1 or to the supervisors’ list', async () => {
    const before = await query(app, sql`SELECT COUNT(*) AS n FROM care_rounds`)
    expect(await sweep()).toEqual({ created: 0 }) // 11-02 08:00: due 11-03 18:00 is more than a day away
    now = new Date('2026-11-02T18:00:00+08:00')
    expect(await sweep()).toEqual({ created: 2 })
    expect(await sweep()).toEqual({ created: 0 }) // a second sweep (another process) adds nothing
    const rows = await query(app, sql`SELECT id, plan_id AS planId, station_id AS stationId, mode FROM care_rounds WHERE plan_id IN (${wangPlan}, ${chenPlan}) ORDER BY id`)
    expect(rows.map((r) => ({ plan: Number(r.planId), station: r.stationId === null ? null : Number(r.stationId), mode: r.mode }))).toEqual([
      { plan: wangPlan, station: 1, mode: 'visit' },
      { plan: chenPlan, station: null, mode: 'phone' },
    ])
    expect(Number((await query(app, sql`SELECT COUNT(*) AS n FROM care_rounds`))[0].n)).toBe(Number(before[0].n) + 2)
    ;[wangRound, chenRound] = rows.map((r) => Number(r.id))
  })

  it('show on their own station’s list only; another station gets 404 on it', async () => {
    const own = (await get('staff1', '/api/care-rounds').expect(200)).body.rounds
    expect(own.map((r: any) => r.id)).toContain(wangRound)
    expect(own.find((r: any) => r.id === wangRound)).toMatchObject({ station: { id: 1 }, dueAt: '2026-11-03T18:00:00+08:00', status: 'open', missed: false, modeLabel: '上门走访' })
    expect((await get('staff2', '/api/care-rounds').expect(200)).body.rounds.map((r: any) => r.id)).not.toContain(wangRound)
    expectError(await post('staff2', `/api/care-rounds/${wangRound}/outcome`, { outcome: 'visited_well' }), 404, 'NOT_FOUND')
    const supervisorList = (await get('supervisor', '/api/care-rounds').expect(200)).body.rounds
    expect(supervisorList.map((r: any) => r.id)).toEqual(expect.arrayContaining([chenRound]))
    expect(supervisorList.map((r: any) => r.id)).not.toContain(wangRound)
  })

  it('give whoever does the round the address, the phone and the plan’s note; everyone else the phone masked, no address', async () => {
    const own = (await get('staff1', '/api/care-rounds').expect(200)).body.rounds.find((r: any) => r.id === wangRound)
    expect(own).toMatchObject({ elder: { id: 1, name: '王秀英', address: '泸州市江阳区江阳中路 88 号 3 栋 2 单元 101', phone: '13800000001' }, planNote: '92 岁，白内障' })
    // Outside every circle the supervisors arrange the round themselves: they are the ones who call.
    const chen = (await get('supervisor', '/api/care-rounds').expect(200)).body.rounds.find((r: any) => r.id === chenRound)
    expect(chen.elder).toMatchObject({ id: 4, address: '泸州市江阳区黄舣镇石龙村 7 组', phone: '13800000004' })
    const timeline = (await get('family', '/api/elders/1/rounds?month=2026-11').expect(200)).body.rounds.find((r: any) => r.id === wangRound)
    expect(timeline).toMatchObject({ elder: { id: 1, name: '王秀英', address: null, phone: '138****0001' }, planNote: null })
  })

  it('are missed only more than a day past due, and then on the supervisor’s desk', async () => {
    now = new Date('2026-11-04T18:00:00+08:00') // exactly a day past due
    expect((await get('supervisor', '/api/care-rounds/missed').expect(200)).body.rounds).toEqual([])
    now = new Date(now.getTime() + 1)
    const missed = (await get('supervisor', '/api/care-rounds/missed').expect(200)).body.rounds
    expect(missed.map((r: any) => r.id).sort()).toEqual([wangRound, chenRound].sort())
    expect(missed.every((r: any) => r.missed)).toBe(true)
    // The desk lists every station's rounds: the supervisor reads them, another station's worker does them.
    expect(missed.find((r: any) => r.id === wangRound)).toMatchObject({ elder: { address: null, phone: '138****0001' }, planNote: null })
  })

  it('"needs help" needs a note, is told at once to the bound family and every supervisor, and is recorded once', async () => {
    expectError(await post('staff1', `/api/care-rounds/${wangRound}/outcome`, { outcome: 'needs_help' }), 400, 'VALIDATION_FAILED')
    const res = await post('staff1', `/api/care-rounds/${wangRound}/outcome`, { outcome: 'needs_help', note: '灯泡坏了，行动不便' }).expect(200)
    expect(res.body).toMatchObject({ status: 'done', outcome: 'needs_help', outcomeLabel: '需要帮助', note: '灯泡坏了，行动不便', missed: false })
    const told = await query(app, sql`SELECT n.user_id AS userId, u.role, n.title FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.entity = 'care_round' AND n.entity_id = ${wangRound}`)
    const supervisors = await query(app, sql`SELECT id FROM users WHERE role = 'supervisor' AND disabled_at IS NULL`)
    expect(told.map((n) => Number(n.userId)).sort((a, b) => a - b)).toEqual([...supervisors.map((s) => Number(s.id)), 9001].sort((a, b) => a - b))
    expect(told.every((n) => n.title === '王秀英需要帮助')).toBe(true)
    expectError(await post('staff1', `/api/care-rounds/${wangRound}/outcome`, { outcome: 'visited_well' }), 409, 'ILLEGAL_TRANSITION')
  })

  it('other outcomes tell nobody; a supervisor records a round on their own list', async () => {
    const res = await post('supervisor', `/api/care-rounds/${chenRound}/outcome`, { outcome: 'phoned' }).expect(200)
    expect(res.body).toMatchObject({ outcome: 'phoned', station: null })
    expect(await query(app, sql`SELECT id FROM notifications WHERE entity = 'care_round' AND entity_id = ${chenRound}`)).toEqual([])
  })

  it('are in the elder’s timeline for the family, with outcomes', async () => {
    const res = await get('family', '/api/elders/1/rounds?month=2026-11').expect(200)
    expect(res.body.plan).toMatchObject({ id: wangPlan, reasonLabel: '高龄' })
    expect(res.body.rounds[0]).toMatchObject({ id: wangRound, outcomeLabel: '需要帮助', note: '灯泡坏了，行动不便', station: { id: 1 } })
    expectError(await get('unbound', '/api/elders/1/rounds'), 404, 'ELDER_NOT_FOUND')
    expectError(await get('family', '/api/elders/1/rounds?month=2026-13'), 400, 'VALIDATION_FAILED')
  })

  it('count toward the month’s on-schedule share: done late is not on schedule, an ended plan’s rounds are cancelled', async () => {
    // Next rounds: 王秀英 11-10 (left open till missed); 陈德明 every 3 days from 11-03: 11-06, 11-09 …
    now = new Date('2026-11-12T09:00:00+08:00')
    await sweep()
    const chenNext = await query(app, sql`SELECT id, due_at AS dueAt FROM care_rounds WHERE plan_id = ${chenPlan} AND status = 'open' ORDER BY due_at`)
    expect(chenNext.length).toBeGreaterThanOrEqual(2)
    for (const r of chenNext.filter((x) => new Date(x.dueAt).getTime() < now.getTime())) await post('supervisor', `/api/care-rounds/${r.id}/outcome`, { outcome: 'phoned' }).expect(200)
    const report = (await get('supervisor', '/api/care-rounds/coverage?month=2026-11').expect(200)).body
    expect(report.target).toBe(1)
    const byStation = new Map(report.stations.map((s: any) => [s.station?.id ?? null, s]))
    expect(byStation.get(1)).toMatchObject({ elders: 1, onSchedule: 0, share: 0 }) // 王秀英: first round recorded 2 days late, second missed
    expect(report.notOnSchedule).toEqual(expect.arrayContaining([expect.objectContaining({ elder: { id: 1, name: '王秀英' }, station: { id: 1, name: expect.any(String) }, why: 'missed' })]))
    // 陈德明's rounds were recorded after the grace on 11-03 (recorded 11-04 18:00+), so he is late, not on schedule.
    expect(report.notOnSchedule.find((n: any) => n.elder.id === 4)).toMatchObject({ why: 'late', station: null })
    expect(report.district.elders).toBe(2)
    const ended = await post('supervisor', `/api/care-round-plans/${chenPlan}/end`, { reason: '已搬去与子女同住' }).expect(200)
    expect(ended.body.endedAt).not.toBeNull()
    expect(await query(app, sql`SELECT id FROM care_rounds WHERE plan_id = ${chenPlan} AND status = 'open'`)).toEqual([])
  })
})
