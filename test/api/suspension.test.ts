import { sql } from 'drizzle-orm'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { DEMO_PHONES, adminPhone, staffPhone } from '../../server/src/seed/seed-demo'
import { act, book, CLEANING, fixedClock, query } from '../helpers/booking'
import { expectError } from '../helpers/expect-error'

let app: TestApp
let second: TestApp // another API process on the same database, its station index warmed before the suspension
let daughter: string
let supervisor: string
let first: number // the station that wins 王秀英's cleaning
beforeAll(async () => {
  app = await startTestApp({ clock: fixedClock })
  second = await startTestApp({ db: app.testDb, clock: fixedClock })
  daughter = await app.login(DEMO_PHONES.family)
  supervisor = await app.login(DEMO_PHONES.supervisor)
})
afterAll(async () => {
  await second.close()
  await app.close()
})

let hour = 8
const slot = () => `2026-11-25T${String(++hour).padStart(2, '0')}:00:00+08:00`
const quote = (a: TestApp, token: string, slotStart: string) => a.request.post('/api/quotes').set(bearer(token)).send({ elderId: 1, serviceId: CLEANING, slotStart })
const suspend = (token: string, id: number, body: Record<string, unknown>) => app.request.post(`/api/stations/${id}/suspend`).set(bearer(token)).send(body)
const reinstate = (token: string, id: number) => app.request.post(`/api/stations/${id}/reinstate`).set(bearer(token)).send({ reason: '整改完成' })

describe('suspending a station (黑榜)', () => {
  it('from its commit no quote or booking reaches it — on this process or another whose cache still has it active', async () => {
    const s = slot()
    first = (await quote(app, daughter, s)).body.route.stationId
    const secondToken = await second.login(DEMO_PHONES.family)
    expect((await quote(second, secondToken, s)).body.route.stationId).toBe(first) // warm: the second process caches it active
    const booked = await book(app, daughter, { elderId: 1, serviceId: CLEANING, slotStart: s })
    expect(booked.body.station.id).toBe(first)

    const res = await suspend(supervisor, first, { reason: '多次超标准收费，限期整改', reroute: false })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ station: { id: first, status: 'suspended', suspendedReason: '多次超标准收费，限期整改' }, orders: { kept: 1, rerouted: 0 } })

    for (const [a, token] of [[app, daughter], [second, secondToken]] as const) {
      const next = slot()
      const q = await quote(a, token, next)
      expect(q.status).toBe(200)
      expect(q.body.route.stationId).not.toBe(first)
      const b = await book(a, token, { elderId: 1, serviceId: CLEANING, slotStart: next })
      expect(b.status).toBe(201)
      expect(b.body.station.id).not.toBe(first)
    }
    // Kept: the order booked before the suspension stays with the station.
    expect((await app.request.get(`/api/orders/${booked.body.id}`).set(bearer(daughter))).body.station.id).toBe(first)
    const board = (await app.request.get(`/api/stations/${first}/price-board`)).body
    expect(board.station).toMatchObject({ status: 'suspended', suspendedReason: '多次超标准收费，限期整改' })
    const audit = await query(app, sql`SELECT action, actor_user_id FROM audit_log WHERE entity = 'station' AND entity_id = ${first}`)
    expect(audit).toEqual([{ action: 'station.suspend', actor_user_id: 1 }])
  })

  it('even a booking planned on a stale cache is refused by the database and goes to the next station', async () => {
    // Write the suspension behind every cache's back, as another process would: only the booking write can tell.
    const s = slot()
    const target = (await quote(second, await second.login(DEMO_PHONES.family), s)).body.route.stationId
    await query(app, sql`UPDATE stations SET status = 'suspended' WHERE id = ${target}`)
    const b = await book(second, await second.login(DEMO_PHONES.family), { elderId: 1, serviceId: CLEANING, slotStart: s })
    expect(b.status).toBe(201)
    expect(b.body.station.id).not.toBe(target)
    await query(app, sql`UPDATE stations SET status = 'active' WHERE id = ${target}`)
    app.deps.stationIndex.invalidate()
    second.deps.stationIndex.invalidate()
  })

  it('reinstating lets it take orders again and takes the reason off the board', async () => {
    const res = await reinstate(supervisor, first)
    expect(res.body.station).toMatchObject({ status: 'active', suspendedReason: null })
    expect((await quote(app, daughter, slot())).body.route.stationId).toBe(first)
    expect((await app.request.get(`/api/stations/${first}/price-board`)).body.station).toMatchObject({ status: 'active', suspendedReason: null })
    expectError(await reinstate(supervisor, first), 409, 'ILLEGAL_TRANSITION')
  })

  it('with reroute, the station’s open future orders move to the next station in reach, in the timeline', async () => {
    const s = slot()
    const booked = await book(app, daughter, { elderId: 1, serviceId: CLEANING, slotStart: s })
    expect(booked.body.station.id).toBe(first)
    const staff = await app.login(staffPhone(first, 1))
    await act(app, staff, booked.body.id, 'accept')
    const res = await suspend(supervisor, first, { reason: '消防检查不合格', reroute: true })
    expect(res.body.orders).toEqual({ rerouted: expect.any(Number), unassigned: expect.any(Number), kept: 0 })
    expect(res.body.orders.rerouted + res.body.orders.unassigned).toBeGreaterThanOrEqual(1)
    const moved = (await app.request.get(`/api/orders/${booked.body.id}`).set(bearer(daughter))).body
    expect(moved.station?.id ?? null).not.toBe(first)
    expect(moved.events.at(-1).reason).toBe('原驿站暂停接单：消防检查不合格')
    expect(moved.routeExplanation).not.toContain('兴隆')
    const [{ booked: held }] = await query(app, sql`SELECT booked FROM station_slots WHERE station_id = ${first} AND category = 'cleaning' AND slot_start = ${new Date(s)}`)
    expect(Number(held)).toBe(0) // its place at the suspended station was given back
    await reinstate(supervisor, first)
  })

  it('is the supervisor’s alone; bad input and wrong states are clear 4xx', async () => {
    for (const phone of [DEMO_PHONES.elderFree, DEMO_PHONES.family, adminPhone(first), staffPhone(first, 1)]) {
      expectError(await suspend(await app.login(phone), first, { reason: '自己停自己', reroute: false }), 403, 'FORBIDDEN')
    }
    expectError(await suspend(supervisor, first, { reason: '原因', reroute: 'yes' }), 400, 'VALIDATION_FAILED')
    expectError(await suspend(supervisor, first, { reason: ' ', reroute: false }), 400, 'VALIDATION_FAILED')
    expectError(await suspend(supervisor, first, { reroute: false }), 400, 'VALIDATION_FAILED')
    expectError(await suspend(supervisor, 99999, { reason: '不存在的驿站', reroute: false }), 404, 'NOT_FOUND')
    expect((await suspend(supervisor, first, { reason: '第一次暂停', reroute: false })).status).toBe(200)
    expectError(await suspend(supervisor, first, { reason: '第二次暂停', reroute: false }), 409, 'ILLEGAL_TRANSITION')
    await reinstate(supervisor, first)
  })
})

// Issue 15 #15: a resident near a suspended station is told it is suspended and why, and who serves them now.
describe('what a resident is told about a suspended station', () => {
  const nearbyOf = async (token: string) => {
    const me = (await app.request.get('/api/me').set(bearer(token))).body
    const { lat, lng } = me.elders[0].home
    return (await app.request.get(`/api/stations/nearby?lat=${lat}&lng=${lng}`)).body
  }

  it('nearby says 暂停接单 with the public reason, and names the station that now serves the home — the one booking routes to', async () => {
    const mother = await app.login(DEMO_PHONES.elderFree)
    const before = await nearbyOf(mother)
    expect(before.servingStation).toMatchObject({ id: first, status: 'active', suspendedReason: null, withinCircle: true })
    expect(before.stations.find((s: { id: number }) => s.id === first)).toMatchObject({ status: 'active', suspendedReason: null })

    await suspend(supervisor, first, { reason: '多次超标准收费，限期整改', reroute: false })
    const after = await nearbyOf(mother)
    expect(after.stations.find((s: { id: number }) => s.id === first)).toMatchObject({ status: 'suspended', suspendedReason: '多次超标准收费，限期整改', withinCircle: false })
    const serving = after.servingStation
    expect(serving).toMatchObject({ status: 'active', suspendedReason: null, withinCircle: true })
    expect(serving.id).not.toBe(first)
    // The same station booking would send her visit to (routing's rule: nearest in time among active circles).
    expect((await quote(app, daughter, slot())).body.route.stationId).toBe(serving.id)
    await reinstate(supervisor, first)
  })

  it('names no station when every circle around the home is suspended', async () => {
    const mother = await app.login(DEMO_PHONES.elderFree)
    const covering = (await nearbyOf(mother)).stations.filter((s: { withinCircle: boolean }) => s.withinCircle).map((s: { id: number }) => s.id)
    expect(covering.length).toBeGreaterThan(1)
    for (const id of covering) await suspend(supervisor, id, { reason: '消防检查不合格', reroute: false })
    const after = await nearbyOf(mother)
    expect(after.servingStation).toBeNull()
    expect(after.stations.filter((s: { status: string }) => s.status === 'suspended').map((s: { id: number }) => s.id)).toEqual(expect.arrayContaining(covering))
    for (const id of covering) await reinstate(supervisor, id)
  })
})
