import { sql } from 'drizzle-orm'
import { startTestApp, type TestApp } from '../helpers/test-app'
import { staffPhone } from '../../server/src/seed/seed-demo'
import { act, book, CLEANING, eldersNearStationOne, fixedClock, newKey, onlyStationOne, query } from '../helpers/booking'

/** Races fired in parallel against the real database: each must have exactly one consistent outcome. */
let app: TestApp
beforeAll(async () => {
  app = await startTestApp({ clock: fixedClock })
  await onlyStationOne(app, 3)
})
afterAll(() => app.close())

const slotAt = (h: number) => `2026-11-24T${String(h).padStart(2, '0')}:00:00+08:00`
const slotRow = (h: number) => query(app, sql`SELECT booked, capacity FROM station_slots WHERE station_id = 1 AND category = 'cleaning' AND slot_start = ${new Date(slotAt(h))}`)

it('50 parallel bookings for a slot with capacity 3 → exactly 3 orders, never oversold', async () => {
  const { elderIds, token } = await eldersNearStationOne(app, 50, '13911110050')
  const results = await Promise.all(elderIds.map((elderId) => book(app, token, { elderId, serviceId: CLEANING, slotStart: slotAt(10) })))
  const statuses = results.map((r) => r.status)
  if (process.env.DEBUG_RACE) console.log(results.filter((r) => r.status !== 201 && r.status !== 409).map((r) => JSON.stringify(r.body)))
  expect(statuses.filter((s) => s === 201)).toHaveLength(3)
  expect(statuses.filter((s) => s === 409)).toHaveLength(47)
  expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'SLOT_FULL')).toBe(true)
  const [{ n }] = await query(app, sql`SELECT COUNT(*) AS n FROM orders WHERE slot_start = ${new Date(slotAt(10))} AND service_id = ${CLEANING}`)
  expect(Number(n)).toBe(3)
  expect(await slotRow(10)).toEqual([{ booked: 3, capacity: 3 }])
})

it('20 parallel requests with one idempotency key (a double tap, retries) → exactly one order', async () => {
  const { elderIds, token } = await eldersNearStationOne(app, 1, '13911110020')
  const key = newKey()
  const body = { elderId: elderIds[0], serviceId: CLEANING, slotStart: slotAt(11) }
  const results = await Promise.all(Array.from({ length: 20 }, () => book(app, token, body, key)))
  const created = results.filter((r) => r.status === 201)
  expect(created.length).toBeGreaterThanOrEqual(1)
  expect(new Set(created.map((r) => r.body.id)).size).toBe(1)
  expect(results.every((r) => r.status === 201 || (r.status === 409 && r.body.error.code === 'IDEMPOTENCY_KEY_IN_USE'))).toBe(true)
  const [{ n }] = await query(app, sql`SELECT COUNT(*) AS n FROM orders WHERE elder_id = ${elderIds[0]}`)
  expect(Number(n)).toBe(1)
  // Once the first has finished, a retry replays the stored order.
  const replay = await book(app, token, body, key)
  expect(replay.status).toBe(201)
  expect(replay.body.id).toBe(created[0].body.id)
})

it('two family members booking the last place of a slot → one wins, one is told it is full', async () => {
  const a = await eldersNearStationOne(app, 1, '13911110031')
  const b = await eldersNearStationOne(app, 1, '13911110032')
  const c = await eldersNearStationOne(app, 2, '13911110033')
  // Two places taken first, so one is left.
  for (const elderId of c.elderIds) expect((await book(app, c.token, { elderId, serviceId: CLEANING, slotStart: slotAt(12) })).status).toBe(201)
  const [ra, rb] = await Promise.all([
    book(app, a.token, { elderId: a.elderIds[0], serviceId: CLEANING, slotStart: slotAt(12) }),
    book(app, b.token, { elderId: b.elderIds[0], serviceId: CLEANING, slotStart: slotAt(12) }),
  ])
  expect([ra.status, rb.status].sort()).toEqual([201, 409])
  expect(await slotRow(12)).toEqual([{ booked: 3, capacity: 3 }])
})

it('a weekly purchased-hours balance at its last hour, two bookings at once → exactly one uses it, never below zero', async () => {
  const { elderIds, token } = await eldersNearStationOne(app, 1, '13911110040', 'low')
  const elderId = elderIds[0]
  // 120 of the week's 180 housekeeping minutes are already used: one 60-minute visit is left.
  await query(app, sql`INSERT INTO hours_balances (elder_id, week_start, kind, granted_minutes, used_minutes) VALUES (${elderId}, '2026-11-23', 'housekeeping', 180, 120)`)
  const [r1, r2] = await Promise.all([
    book(app, token, { elderId, serviceId: CLEANING, slotStart: slotAt(14) }),
    book(app, token, { elderId, serviceId: CLEANING, slotStart: slotAt(15) }),
  ])
  expect([r1.status, r2.status]).toEqual([201, 201])
  const used = [r1.body.price.hoursUsedMinutes, r2.body.price.hoursUsedMinutes].sort()
  expect(used).toEqual([0, 60])
  const paying = [r1.body, r2.body].find((o) => o.price.hoursUsedMinutes === 0)
  expect(paying.price.payableFen).toBe(paying.price.tierPriceFen)
  const [bal] = await query(app, sql`SELECT used_minutes FROM hours_balances WHERE elder_id = ${elderId}`)
  expect(bal.used_minutes).toBe(180)
  const ledger = await query(app, sql`SELECT l.order_id, l.delta_minutes FROM hours_ledger l JOIN hours_balances b ON b.id = l.balance_id WHERE b.elder_id = ${elderId}`)
  expect(ledger).toHaveLength(1)
  expect(ledger[0].delta_minutes).toBe(-60)
})

it('cancel racing accept → one consistent outcome every time', async () => {
  const { elderIds, token } = await eldersNearStationOne(app, 8, '13911110060')
  const staff = await app.login(staffPhone(1, 1))
  for (const [i, elderId] of elderIds.entries()) {
    const created = await book(app, token, { elderId, serviceId: CLEANING, slotStart: slotAt(16) })
    if (created.status === 409) continue // capacity 3: later rounds reuse freed places
    const id = created.body.id
    const [cancel, accept] = i % 2 ? await Promise.all([act(app, token, id, 'cancel'), act(app, staff, id, 'accept')]) : (await Promise.all([act(app, staff, id, 'accept'), act(app, token, id, 'cancel')])).reverse()
    expect(cancel.status).toBe(200) // cancelling is allowed before and after acceptance
    expect([200, 409]).toContain(accept.status)
    const events = await query(app, sql`SELECT from_status, to_status FROM order_events WHERE order_id = ${id} ORDER BY id`)
    const path = events.map((e) => e.to_status).join('>')
    expect(path === 'created>assigned>cancelled' || path === 'created>assigned>accepted>cancelled').toBe(true)
    expect(accept.status === 200).toBe(path.includes('accepted'))
    const [o] = await query(app, sql`SELECT status FROM orders WHERE id = ${id}`)
    expect(o.status).toBe('cancelled')
  }
  expect(await slotRow(16)).toEqual([{ booked: 0, capacity: 3 }])
})

it('the same visit booked twice at once with two different keys (two relatives, two phones) → one order, one ALREADY_BOOKED', async () => {
  const { elderIds, token } = await eldersNearStationOne(app, 1, '13911110070')
  const body = { elderId: elderIds[0], serviceId: CLEANING, slotStart: slotAt(17) }
  const results = await Promise.all(Array.from({ length: 6 }, () => book(app, token, body)))
  expect(results.filter((r) => r.status === 201)).toHaveLength(1)
  expect(results.filter((r) => r.status !== 201).map((r) => r.body.error.code)).toEqual(Array(5).fill('ALREADY_BOOKED'))
  const [{ n }] = await query(app, sql`SELECT COUNT(*) AS n FROM orders WHERE elder_id = ${elderIds[0]}`)
  expect(Number(n)).toBe(1)
  expect(await slotRow(17)).toEqual([{ booked: 1, capacity: 3 }])
})
