import { sql } from 'drizzle-orm'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { DEMO_PHONES, staffPhone } from '../../server/src/seed/seed-demo'
import { act, book, CLEANING, NOW, query } from '../helpers/booking'

/** The test moves this clock: check-in and check-out times are the server's, never the client's. */
let now = NOW
let app: TestApp
let elder: string
let home: { lat: number; lng: number }
beforeAll(async () => {
  app = await startTestApp({ clock: () => now })
  elder = await app.login(DEMO_PHONES.elderLow)
  const [e] = await query(app, sql`SELECT home_lat AS lat, home_lng AS lng FROM elders WHERE id = 2`)
  home = { lat: Number(e.lat), lng: Number(e.lng) }
})
afterAll(() => app.close())

const hh = (n: number) => String(n).padStart(2, '0')
let hour = 8
/** An accepted cleaning order (60 purchased housekeeping minutes) at a fresh hour of 2026-11-24. */
async function acceptedOrder() {
  now = NOW
  hour += 1
  const slot = `2026-11-24T${hh(hour)}:00:00+08:00`
  const res = await book(app, elder, { elderId: 2, serviceId: CLEANING, slotStart: slot })
  expect(res.status).toBe(201)
  const staff = await app.login(staffPhone(res.body.station.id, 1))
  expect((await act(app, staff, res.body.id, 'accept')).status).toBe(200)
  return { id: res.body.id as number, staff, slot: new Date(slot), hoursUsed: res.body.price.hoursUsedMinutes as number }
}
const minutesAfter = (d: Date, m: number) => new Date(d.getTime() + m * 60_000)

describe('check-in (签到) only in a window around the slot', () => {
  it('too early: 409 saying when check-in opens; too late: 409 saying when it closed', async () => {
    const o = await acceptedOrder()
    now = minutesAfter(o.slot, -70) // 06:50 for an 08:00 visit, as in the report
    const early = await act(app, o.staff, o.id, 'start')
    expect(early.status).toBe(409)
    expect(early.body.error.code).toBe('CHECK_IN_NOT_OPEN')
    expect(early.body.error.message).toContain(`11月24日 ${hh(hour - 1)}:30 起可以签到`)
    now = minutesAfter(o.slot, 61)
    const late = await act(app, o.staff, o.id, 'start')
    expect(late.status).toBe(409)
    expect(late.body.error.code).toBe('CHECK_IN_CLOSED')
    expect(late.body.error.message).toMatch(/签到时间已过/)
    const [row] = await query(app, sql`SELECT status, check_in_at FROM orders WHERE id = ${o.id}`)
    expect(row).toEqual({ status: 'accepted', check_in_at: null })
  })

  it('the order tells the screen when check-in opens and closes, by the rule the server enforces', async () => {
    const o = await acceptedOrder()
    const window = { opensAt: `2026-11-24T${hh(hour - 1)}:30:00+08:00`, closesAt: `2026-11-24T${hh(hour + 1)}:00:00+08:00` }
    expect((await app.request.get(`/api/orders/${o.id}`).set(bearer(o.staff))).body.checkInWindow).toEqual(window)
    const listed = (await app.request.get('/api/orders?date=2026-11-24').set(bearer(o.staff))).body.orders
    expect(listed.find((x: { id: number }) => x.id === o.id).checkInWindow).toEqual(window)
    now = minutesAfter(o.slot, -31)
    expect((await act(app, o.staff, o.id, 'start')).body.error.details.opensAt).toBe(window.opensAt)
    now = minutesAfter(o.slot, -30)
    expect((await act(app, o.staff, o.id, 'start')).status).toBe(200)
  })
})

describe('minutes served come from check-in and check-out', () => {
  it('a claimed 60 minutes after checking out the same minute is served 0; the purchased minutes come back through the ledger', async () => {
    const o = await acceptedOrder()
    expect(o.hoursUsed).toBe(60)
    now = minutesAfter(o.slot, -10)
    const started = await act(app, o.staff, o.id, 'start', { location: { lat: home.lat + 0.0003, lng: home.lng, accuracyMeters: 15 } })
    expect(started.status).toBe(200)
    expect(started.body.visit.checkInAt).toBe(`2026-11-24T${hh(hour - 1)}:50:00+08:00`)
    const unconfirmed = await act(app, o.staff, o.id, 'complete', { actualMinutes: 60, chargedFen: 0 })
    expect(unconfirmed.status).toBe(409)
    const done = await act(app, o.staff, o.id, 'complete', { actualMinutes: 60, chargedFen: 0, confirmConsequences: true })
    expect(done.status).toBe(200)
    expect(done.body.actualMinutes).toBe(0)
    expect(done.body.visit).toMatchObject({ servedMinutes: 0, correctedFromMinutes: null, correctionReason: null })
    const ledger = await query(app, sql`SELECT delta_minutes, reason FROM hours_ledger WHERE order_id = ${o.id} ORDER BY id`)
    expect(ledger.map((l) => l.delta_minutes)).toEqual([-60, 60])
    expect(ledger[1].reason).toMatch(/实际服务/)
  })

  it('stores who checked in and out, where and when; the elder sees times, minutes and distance, the supervisor also the point', async () => {
    const o = await acceptedOrder()
    now = minutesAfter(o.slot, 5)
    await act(app, o.staff, o.id, 'start', { location: { lat: home.lat + 0.0003, lng: home.lng, accuracyMeters: 15 } })
    now = minutesAfter(o.slot, 50)
    const done = await act(app, o.staff, o.id, 'complete', { chargedFen: 0 })
    expect(done.body.visit).toMatchObject({ servedMinutes: 45 })
    const mine = (await app.request.get(`/api/orders/${o.id}`).set(bearer(elder))).body
    expect(mine.visit).toMatchObject({
      checkInAt: `2026-11-24T${hh(hour)}:05:00+08:00`,
      checkOutAt: `2026-11-24T${hh(hour)}:50:00+08:00`,
      servedMinutes: 45,
    })
    expect(mine.visit.checkInDistanceMeters).toBeGreaterThan(25)
    expect(mine.visit.checkInDistanceMeters).toBeLessThan(40)
    expect(mine.visit.checkInLocation).toBeUndefined()
    expect(mine.visit.checkedInBy).toBeUndefined()
    const sup = await app.login(DEMO_PHONES.supervisor)
    const seen = (await app.request.get(`/api/orders/${o.id}`).set(bearer(sup))).body
    expect(seen.visit.checkInLocation).toEqual({ lat: home.lat + 0.0003, lng: home.lng, accuracyMeters: 15 })
    const [row] = await query(app, sql`SELECT checked_in_by, checked_out_by, clocked_minutes, actual_minutes FROM orders WHERE id = ${o.id}`)
    const [{ id: staffId }] = await query(app, sql`SELECT id FROM users WHERE phone = ${staffPhone(Number(mine.station.id), 1)}`)
    expect(row).toEqual({ checked_in_by: staffId, checked_out_by: staffId, clocked_minutes: 45, actual_minutes: 45 })
    expect(seen.visit.checkedInBy).toBe(staffId)
    const ledger = await query(app, sql`SELECT delta_minutes FROM hours_ledger WHERE order_id = ${o.id} ORDER BY id`)
    expect(ledger.map((l) => l.delta_minutes)).toEqual([-60, 15])
  })

  it('check-in without a location still works; a correction only goes down and needs a reason', async () => {
    const o = await acceptedOrder()
    now = o.slot
    const started = await act(app, o.staff, o.id, 'start')
    expect(started.body.visit.checkInDistanceMeters).toBeNull()
    now = minutesAfter(o.slot, 60)
    const up = await act(app, o.staff, o.id, 'complete', { correctedMinutes: 90, correctionReason: '多干了半小时', chargedFen: 0 })
    expect(up.status).toBe(400)
    expect(up.body.error.message).toContain('60 分钟')
    const noReason = await act(app, o.staff, o.id, 'complete', { correctedMinutes: 40, chargedFen: 0 })
    expect(noReason.status).toBe(400)
    const done = await act(app, o.staff, o.id, 'complete', { correctedMinutes: 40, correctionReason: '老人中途去医院，提前离开', chargedFen: 0 })
    expect(done.status).toBe(200)
    expect(done.body.visit).toMatchObject({ servedMinutes: 40, correctedFromMinutes: 60, correctionReason: '老人中途去医院，提前离开' })
    const detail = (await app.request.get(`/api/orders/${o.id}`).set(bearer(elder))).body
    expect(detail.events.at(-1).text).toMatch(/40 分钟/)
  })
})

describe('a check-out with a consequence is confirmed explicitly, with the consequence in words', () => {
  it('0 minutes: 409 CHECK_OUT_NEEDS_CONFIRMATION saying nothing is counted; with the confirmation it is recorded', async () => {
    const o = await acceptedOrder()
    now = o.slot
    expect((await act(app, o.staff, o.id, 'start')).status).toBe(200)
    const asked = await act(app, o.staff, o.id, 'complete', { chargedFen: 0, workNote: '老人临时有事' })
    expect(asked.status).toBe(409)
    expect(asked.body.error.code).toBe('CHECK_OUT_NEEDS_CONFIRMATION')
    expect(asked.body.error.message).toContain('0 分钟：本次不计服务时长')
    expect(asked.body.error.details.consequences).toEqual([expect.stringContaining('0 分钟：本次不计服务时长')])
    const [row] = await query(app, sql`SELECT status, check_out_at FROM orders WHERE id = ${o.id}`)
    expect(row).toEqual({ status: 'in_service', check_out_at: null })
    const done = await act(app, o.staff, o.id, 'complete', { chargedFen: 0, workNote: '老人临时有事', confirmConsequences: true })
    expect(done.status).toBe(200)
    expect(done.body).toMatchObject({ status: 'completed', actualMinutes: 0 })
  })

  it('money from a 无偿 elder: 409 naming her, the amount and who will see it; confirmed, it is flagged as overcharge', async () => {
    now = NOW
    const free = await app.login(DEMO_PHONES.elderFree)
    const res = await book(app, free, { elderId: 1, serviceId: CLEANING, slotStart: '2026-11-25T10:00:00+08:00' })
    expect(res.status).toBe(201)
    expect(res.body.price).toMatchObject({ tier: 'free', payableFen: 0 })
    const staff = await app.login(staffPhone(res.body.station.id, 1))
    await act(app, staff, res.body.id, 'accept')
    now = new Date('2026-11-25T10:00:00+08:00')
    await act(app, staff, res.body.id, 'start')
    now = new Date('2026-11-25T10:45:00+08:00')
    const asked = await act(app, staff, res.body.id, 'complete', { chargedFen: 2000, workNote: '老人说要给辛苦费' })
    expect(asked.status).toBe(409)
    expect(asked.body.error.code).toBe('CHECK_OUT_NEEDS_CONFIRMATION')
    expect(asked.body.error.message).toContain('王秀英是无偿老人，收了 ¥20.00 会被标为多收，老人和家人会看到')
    const done = await act(app, staff, res.body.id, 'complete', { chargedFen: 2000, workNote: '老人说要给辛苦费', confirmConsequences: true })
    expect(done.status).toBe(200)
    expect(done.body.charge).toMatchObject({ chargedFen: 2000, flag: 'overcharge' })
    expect(done.body.actualMinutes).toBe(45)
  })

  it('an ordinary check-out needs no confirmation', async () => {
    const o = await acceptedOrder()
    now = o.slot
    await act(app, o.staff, o.id, 'start')
    now = minutesAfter(o.slot, 55)
    const done = await act(app, o.staff, o.id, 'complete', { chargedFen: 0 })
    expect(done.status).toBe(200)
  })
})
