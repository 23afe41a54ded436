import { sql } from 'drizzle-orm'
import { startTestApp, type TestApp } from '../helpers/test-app'
import { DEMO_PHONES } from '../../server/src/seed/seed-demo'
import { act, book, fixedClock, query } from '../helpers/booking'

/** One elder's visits must not overlap in time, unless their categories are declared combinable. */
const MEAL = 1 // 助餐送餐, 30 min, meal
const CLEANING = 2 // 居家保洁, 60 min, cleaning
const LAUNDRY = 3 // 衣物清洗, 60 min, cleaning
const BATHING = 4 // 上门助浴, 60 min, bathing
const ESCORT = 5 // 陪同就医, 120 min, medical
const MOBILITY = 7 // 助行陪护, 60 min, mobility
const VISIT = 9 // 巡视探访, 30 min, visit
const REPAIR = 10 // 家电维修, 60 min, repair

let app: TestApp
let elder: string
beforeAll(async () => {
  app = await startTestApp({ clock: fixedClock })
  elder = await app.login(DEMO_PHONES.elderPaid)
})
afterAll(() => app.close())

const at = (day: number, hhmm: string) => `2026-11-${day}T${hhmm}:00+08:00`
const bookFor = (serviceId: number, slotStart: string) => book(app, elder, { elderId: 3, serviceId, slotStart })

it('a visit during a 2-hour hospital escort is refused with 409 naming the escort; after it ends, or if combinable, it is booked', async () => {
  const escort = await bookFor(ESCORT, at(24, '08:00'))
  expect(escort.status).toBe(201)
  const clash = await bookFor(CLEANING, at(24, '09:00'))
  expect(clash.status).toBe(409)
  expect(clash.body.error.code).toBe('VISIT_OVERLAPS')
  expect(clash.body.error.message).toBe('您在 11月24日 08:00 已约了陪同就医（至 10:00），同一时间不能再约居家保洁。请换一个时间，或到“我的订单”查看')
  expect(clash.body.error.details).toEqual({ orderId: escort.body.id })
  const [{ n }] = await query(app, sql`SELECT COUNT(*) AS n FROM orders WHERE elder_id = 3`)
  expect(Number(n)).toBe(1) // the refused booking left nothing behind

  const after = await bookFor(CLEANING, at(24, '10:00'))
  expect(after.status).toBe(201) // back-to-back is not overlapping
  expect((await bookFor(REPAIR, at(24, '11:00'))).status).toBe(201)
  const meal = await bookFor(MEAL, at(24, '11:00'))
  expect(meal.status).toBe(201) // a meal can be delivered during a repair (declared combinable)
  const visit = await bookFor(VISIT, at(24, '11:00'))
  expect(visit.status).toBe(409) // combinable with the meal, not with the repair
  expect(visit.body.error.message).toContain('11:00 已约了家电维修（至 12:00），同一时间不能再约巡视探访')
})

it('a cancelled visit no longer blocks the hour', async () => {
  const escort = await bookFor(ESCORT, at(25, '08:00'))
  expect((await bookFor(CLEANING, at(25, '08:00'))).status).toBe(409)
  expect((await act(app, elder, escort.body.id, 'cancel')).status).toBe(200)
  expect((await bookFor(CLEANING, at(25, '08:00'))).status).toBe(201)
})

it('the same service at the same slot is still ALREADY_BOOKED', async () => {
  expect((await bookFor(CLEANING, at(26, '09:00'))).status).toBe(201)
  const again = await bookFor(CLEANING, at(26, '09:00'))
  expect(again.body.error.code).toBe('ALREADY_BOOKED')
})

it('different overlapping services booked in parallel for one elder → exactly one wins, every time', async () => {
  for (const hour of [9, 10, 11, 14, 15, 16]) {
    const slot = at(27, `${String(hour).padStart(2, "0")}:00`)
    const results = await Promise.all([bookFor(CLEANING, slot), bookFor(LAUNDRY, slot), bookFor(BATHING, slot), bookFor(MOBILITY, slot)])
    const statuses = results.map((r) => r.status).sort()
    if (statuses.join() !== '201,409,409,409') console.log(results.map((r) => JSON.stringify(r.body)))
    expect(statuses).toEqual([201, 409, 409, 409])
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'VISIT_OVERLAPS')).toBe(true)
  }
  const [{ n }] = await query(app, sql`SELECT COUNT(*) AS n FROM orders WHERE elder_id = 3 AND slot_start >= ${new Date(at(27, '00:00'))}`)
  expect(Number(n)).toBe(6)
  const [{ booked }] = await query(app, sql`SELECT SUM(booked) AS booked FROM station_slots WHERE slot_start >= ${new Date(at(27, '00:00'))}`)
  expect(Number(booked)).toBe(6) // the losers' places were never taken
})
