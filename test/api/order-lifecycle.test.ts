import { sql } from 'drizzle-orm'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { DEMO_PHONES, staffPhone, adminPhone } from '../../server/src/seed/seed-demo'
import { act, book, CLEANING, NOW, query } from '../helpers/booking'

let app: TestApp
let elder: string
/** Check-in and check-out happen at the server's clock: tests move it to the visit. */
let now = NOW
beforeAll(async () => {
  app = await startTestApp({ clock: () => now })
  elder = await app.login(DEMO_PHONES.elderLow)
})
afterAll(() => app.close())

let hour = 8
/** A fresh slot each time so orders of one elder never collide. */
async function newOrder(serviceId = CLEANING) {
  hour += 1
  now = NOW
  const res = await book(app, elder, { elderId: 2, serviceId, slotStart: `2026-11-25T${String(hour).padStart(2, '0')}:00:00+08:00` })
  expect(res.status).toBe(201)
  return res.body as { id: number; station: { id: number }; status: string; slotStart: string; price: { hoursUsedMinutes: number; payableFen: number } }
}

describe('order lifecycle', () => {
  it('created → assigned → accepted → in_service → completed, each step an event in plain words', async () => {
    const order = await newOrder()
    expect(order.status).toBe('assigned')
    const staff = await app.login(staffPhone(order.station.id, 1))
    const day = await app.request.get('/api/orders').query({ date: '2026-11-25' }).set(bearer(staff))
    expect(day.body.orders.map((o: any) => o.id)).toContain(order.id)
    const seen = day.body.orders.find((o: any) => o.id === order.id)
    expect(seen.allowedActions).toEqual(['accept', 'decline'])
    expect(seen.elder.phone).toBe('13800000002') // the serving station needs to reach the elder

    expect((await act(app, staff, order.id, 'complete', { chargedFen: 0 })).status).toBe(409) // not started
    expect((await act(app, staff, order.id, 'accept')).body.status).toBe('accepted')
    expect((await act(app, staff, order.id, 'accept')).status).toBe(409)
    now = new Date(order.slotStart)
    expect((await act(app, staff, order.id, 'start')).body.status).toBe('in_service')
    expect((await act(app, elder, order.id, 'cancel')).status).toBe(409) // too late to cancel
    now = new Date(now.getTime() + 55 * 60_000)
    expect((await act(app, staff, order.id, 'complete')).status).toBe(400) // the amount collected is part of check-out
    const done = await act(app, staff, order.id, 'complete', { chargedFen: order.price.payableFen })
    expect(done.body).toMatchObject({ status: 'completed', actualMinutes: 55, charge: { chargedFen: order.price.payableFen, flag: null } })

    const detail = await app.request.get(`/api/orders/${order.id}`).set(bearer(elder))
    expect(detail.body.events.map((e: any) => e.toStatus)).toEqual(['created', 'assigned', 'accepted', 'in_service', 'completed'])
    expect(detail.body.events[1].text).toMatch(/^已派给.+驿站/)
    expect(detail.body.allowedActions).toEqual([])
    const [{ n }] = await query(app, sql`SELECT COUNT(*) AS n FROM order_events WHERE order_id = ${order.id}`)
    expect(Number(n)).toBe(5)
  })

  it('only the right roles act: elder cannot accept (403), another station cannot see it (404), supervisor sees phone masked', async () => {
    const order = await newOrder()
    expect((await act(app, elder, order.id, 'accept')).status).toBe(403)
    const otherStation = order.station.id === 2 ? 3 : 2
    const other = await app.login(staffPhone(otherStation, 1))
    expect((await act(app, other, order.id, 'accept')).status).toBe(404)
    expect((await app.request.get(`/api/orders/${order.id}`).set(bearer(other))).status).toBe(404)
    const paid = await app.login(DEMO_PHONES.elderPaid)
    expect((await app.request.get(`/api/orders/${order.id}`).set(bearer(paid))).status).toBe(404)
    const unbound = await app.login(DEMO_PHONES.familyUnbound)
    expect((await app.request.get('/api/orders').set(bearer(unbound))).body.orders).toEqual([])
    const sup = await app.login(DEMO_PHONES.supervisor)
    const seen = await app.request.get(`/api/orders/${order.id}`).set(bearer(sup))
    expect(seen.body.elder.phone).toBe('138****0002')
    expect((await act(app, sup, order.id, 'cancel')).status).toBe(403)
    expect((await act(app, elder, 99999999, 'cancel')).status).toBe(404)
    expect((await app.request.post(`/api/orders/abc/cancel`).set(bearer(elder)).send({})).status).toBe(400)
    expect((await app.request.post(`/api/orders/${order.id}/fly`).set(bearer(elder)).send({})).status).toBe(404)
  })

  it('cancel releases the slot place and gives the purchased minutes back, traceably', async () => {
    const order = await newOrder()
    expect(order.price.hoursUsedMinutes).toBe(60)
    const before = await query(app, sql`SELECT booked FROM station_slots WHERE station_id = ${order.station.id} AND category = 'cleaning' AND slot_start = (SELECT slot_start FROM orders WHERE id = ${order.id})`)
    const res = await act(app, elder, order.id, 'cancel', { reason: '家里有事' })
    expect(res.body.status).toBe('cancelled')
    const after = await query(app, sql`SELECT booked FROM station_slots WHERE station_id = ${order.station.id} AND category = 'cleaning' AND slot_start = (SELECT slot_start FROM orders WHERE id = ${order.id})`)
    expect(after[0].booked).toBe(before[0].booked - 1)
    const ledger = await query(app, sql`SELECT delta_minutes FROM hours_ledger WHERE order_id = ${order.id} ORDER BY id`)
    expect(ledger.map((l) => l.delta_minutes)).toEqual([-60, 60])
    expect((await act(app, elder, order.id, 'cancel')).status).toBe(409)
  })

  it('a decline re-routes to the next station in reach; with none left the order is unassigned and visible to the supervisor', async () => {
    const order = await newOrder(6) // 上门健康监测
    const firstStation = order.station.id
    const decliner = await app.login(staffPhone(firstStation, 1))
    expect((await act(app, decliner, order.id, 'decline')).status).toBe(400) // a reason is required
    let res = await act(app, decliner, order.id, 'decline', { reason: '人手不足' })
    expect(res.status).toBe(200)
    const seen = new Set([firstStation])
    // Keep declining at every station that gets it, until nobody is left.
    while (res.body.status === 'assigned') {
      const next = res.body.station.id
      expect(seen.has(next)).toBe(false)
      seen.add(next)
      res = await act(app, await app.login(staffPhone(next, 1)), order.id, 'decline', { reason: '车辆故障' })
    }
    expect(res.body.status).toBe('unassigned')
    expect(res.body.station).toBeNull()
    const sup = await app.login(DEMO_PHONES.supervisor)
    const list = await app.request.get('/api/orders').query({ status: 'unassigned' }).set(bearer(sup))
    expect(list.body.orders.map((o: any) => o.id)).toContain(order.id)
    const detail = await app.request.get(`/api/orders/${order.id}`).set(bearer(elder))
    expect(detail.body.events.at(-1).text).toContain('12349')
    expect(detail.body.allowedActions).toEqual(['cancel'])
    const [{ booked }] = await query(app, sql`SELECT COALESCE(SUM(booked), 0) AS booked FROM station_slots WHERE category = 'medical' AND slot_start = (SELECT slot_start FROM orders WHERE id = ${order.id})`)
    expect(Number(booked)).toBe(0) // every station's place was given back
  })

  it('after a decline the order explains its current station, as the elder and the supervisor see it; the timeline keeps each decision', async () => {
    const order = await newOrder(6)
    const first = await app.request.get(`/api/orders/${order.id}`).set(bearer(elder))
    const firstExplanation: string = first.body.routeExplanation
    const sup = await app.login(DEMO_PHONES.supervisor)
    let res = await act(app, await app.login(staffPhone(order.station.id, 1)), order.id, 'decline', { reason: '人手不足' })
    expect(res.body.status).toBe('assigned')
    const nextName: string = res.body.station.name
    for (const token of [elder, sup]) {
      const seen = (await app.request.get(`/api/orders/${order.id}`).set(bearer(token))).body
      expect(seen.routeExplanation).not.toBe(firstExplanation)
      expect(seen.routeExplanation).toMatch(new RegExp(`^${nextName}，(步行|骑电动车|驾车)约 \\d+ 分钟（约 [\\d.]+ (米|公里)）$`))
    }
    while (res.body.status === 'assigned') res = await act(app, await app.login(staffPhone(res.body.station.id, 1)), order.id, 'decline', { reason: '车辆故障' })
    expect(res.body.status).toBe('unassigned')
    for (const token of [elder, sup]) {
      const seen = (await app.request.get(`/api/orders/${order.id}`).set(bearer(token))).body
      expect(seen.routeExplanation).toMatch(/附近.*驿站.*都.*监管.*安排.*12349/)
      expect(seen.routeExplanation).not.toMatch(/约 \d+ 米/)
      const decisions = seen.events.filter((e: any) => e.toStatus === 'assigned' || e.toStatus === 'unassigned')
      expect(decisions[0].stationName).toBe(first.body.station.name)
      expect(decisions[1].stationName).toBe(nextName)
      expect(decisions.at(-1).toStatus).toBe('unassigned')
    }
    const [row] = await query(app, sql`SELECT distance_meters, travel_minutes FROM orders WHERE id = ${order.id}`)
    expect(row).toEqual({ distance_meters: null, travel_minutes: null })
  })

  it('an accepted order not started 30 minutes after its slot is flagged overdue', async () => {
    const order = await newOrder()
    const staff = await app.login(staffPhone(order.station.id, 1))
    await act(app, staff, order.id, 'accept')
    const late = await startTestApp({ db: app.testDb, clock: () => new Date('2026-11-25T23:00:00+08:00') })
    try {
      const t = await late.login(staffPhone(order.station.id, 1))
      expect((await late.request.get(`/api/orders/${order.id}`).set(bearer(t))).body.overdue).toBe(true)
    } finally {
      await late.close()
    }
    expect((await app.request.get(`/api/orders/${order.id}`).set(bearer(staff))).body.overdue).toBe(false)
  })
})

describe('station admin: capacity and opening hours', () => {
  it('sets rules for their own station only, validated', async () => {
    const admin = await app.login(adminPhone(1))
    const rules = [{ category: 'cleaning', openMinute: 540, closeMinute: 720, slotMinutes: 60, capacity: 5 }]
    const res = await app.request.put('/api/stations/1/capacity-rules').set(bearer(admin)).send({ rules })
    expect(res.status).toBe(200)
    expect(res.body.rules).toEqual(rules)
    const slots = await app.request.get('/api/stations/1/slots').query({ date: '2026-11-26', serviceId: CLEANING })
    expect(slots.body.slots.map((s: any) => s.capacity)).toEqual([5, 5, 5])
    expect((await app.request.put('/api/stations/2/capacity-rules').set(bearer(admin)).send({ rules })).status).toBe(403)
    const bad = await app.request.put('/api/stations/1/capacity-rules').set(bearer(admin)).send({ rules: [{ ...rules[0], closeMinute: 500 }] })
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toMatch(/结束时间/)
    const staff = await app.login(staffPhone(1, 1))
    expect((await app.request.put('/api/stations/1/capacity-rules').set(bearer(staff)).send({ rules })).status).toBe(403)
  })
})
