import { sql } from 'drizzle-orm'
import type { PoolConnection } from 'mysql2/promise'
import { startTestApp, type TestApp } from '../helpers/test-app'
import { act, book, CLEANING, eldersNearStationOne, fixedClock, newKey, NOW, onlyStationOne, query } from '../helpers/booking'
import { violatedGuard, writeBooking, type BookingWrite, type Minutes } from '../../server/src/orders/booking-sql'
import { takePlace } from '../../server/src/slots/take-slot'
import { inTransaction } from '../../server/src/db/tx'
import type { ServiceCategory } from '@carecircle/shared'

/**
 * The booking's write batch takes no locks before it writes: what it must never break is a constraint in the
 * schema, which refuses the write. Each guard here is tripped on purpose against the real database.
 */
let app: TestApp
let conn: PoolConnection
beforeAll(async () => {
  app = await startTestApp({ clock: fixedClock, env: { TOKEN_SECRET: 'guards-test-secret-guards-test-secret-0123' } })
  conn = await app.database.batchPool.getConnection()
})
afterAll(async () => {
  conn.release()
  await app.close()
})

/** Each case books its own slot (2026-11-25 at `hour`), so capacity never carries over between cases. */
const slotAt = (hour: number) => new Date(`2026-11-25T${String(hour).padStart(2, '0')}:00:00+08:00`)
let seq = 0
function write(over: { elderId: number; slotStart: Date; key?: string; minutes?: Minutes | null; capacity?: number; serviceId?: number; combinable?: ServiceCategory[] }): BookingWrite {
  const slotStart = over.slotStart
  return {
    order: {
      elderId: over.elderId, serviceId: over.serviceId ?? CLEANING, stationId: 1, bookedBy: 1, placedByRole: 'elder', channel: 'self', slotStart, priceVersionId: 1, tier: 'paid', listPriceFen: 5000, tierPriceFen: 5000,
      subsidyFen: 0, payableFen: 5000, hoursKind: 'housekeeping', hoursUsedMinutes: 0, priceExplanation: '有偿', routeExplanation: '驿站，约 100 米', distanceMeters: 100, travelMinutes: 2, note: null,
    },
    actor: { userId: 1, role: 'family', reason: '约 100 米' },
    minutes: over.minutes ?? null,
    slot: { category: 'cleaning', capacity: over.capacity ?? 3 },
    visit: { end: new Date(slotStart.getTime() + 60 * 60_000), combinable: over.combinable ?? [] },
    notices: [],
    key: { userId: 1, key: over.key ?? `guard-${++seq}`, hash: 'h'.repeat(64), expiresAt: new Date(NOW.getTime() + 86_400_000), body: '{}' },
    now: NOW,
  }
}

/** The batch's outcome: the guard that refused it (after ROLLBACK), or 'written'. */
async function attempt(w: BookingWrite) {
  try {
    await writeBooking(conn, w)
    return 'written'
  } catch (e) {
    await conn.query('ROLLBACK')
    return violatedGuard(e) ?? e
  }
}
const count = async (table: string, where: ReturnType<typeof sql>) => Number((await query(app, sql`SELECT COUNT(*) AS n FROM ${sql.raw(table)} WHERE ${where}`))[0].n)

it('a slot at capacity refuses one more place (SLOT_FULL) and nothing of that booking is kept', async () => {
  const slotStart = slotAt(8)
  expect(await attempt(write({ elderId: 10, capacity: 1, slotStart }))).toBe('written')
  expect(await attempt(write({ elderId: 11, capacity: 1, slotStart, key: 'guard-full' }))).toBe('SLOT_FULL')
  expect(await count('orders', sql`elder_id = 11`)).toBe(0)
  expect(await count('idempotency_keys', sql`idem_key = 'guard-full'`)).toBe(0)
  expect(await query(app, sql`SELECT booked, capacity FROM station_slots WHERE station_id = 1 AND category = 'cleaning' AND slot_start = ${slotStart}`)).toEqual([{ booked: 1, capacity: 1 }])
})

it('minutes priced from a balance that moved since it was read are refused (HOURS_MOVED); the balance is untouched', async () => {
  await query(app, sql`INSERT INTO hours_balances (elder_id, week_start, kind, granted_minutes, used_minutes) VALUES (12, '2026-11-23', 'housekeeping', 180, 120)`)
  const [b] = await query(app, sql`SELECT id FROM hours_balances WHERE elder_id = 12`)
  const stale: Minutes = { balance: { id: b.id, grantedMinutes: 180, usedMinutes: 60 }, used: 60, reason: '预约使用' }
  expect(await attempt(write({ elderId: 12, slotStart: slotAt(9), minutes: stale }))).toBe('HOURS_MOVED')
  expect(await query(app, sql`SELECT used_minutes FROM hours_balances WHERE id = ${b.id}`)).toEqual([{ used_minutes: 120 }])
  expect(await count('hours_ledger', sql`balance_id = ${b.id}`)).toBe(0)
  // Priced from the balance as it is, the same booking is written, with its ledger row.
  expect(await attempt(write({ elderId: 12, slotStart: slotAt(9), minutes: { ...stale, balance: { ...stale.balance, usedMinutes: 120 } } }))).toBe('written')
  expect(await query(app, sql`SELECT used_minutes FROM hours_balances WHERE id = ${b.id}`)).toEqual([{ used_minutes: 180 }])
})

it('a visit overlapping an open one of the same elder is refused (VISIT_OVERLAPS) unless declared combinable; nothing of it is kept', async () => {
  expect(await attempt(write({ elderId: 14, slotStart: slotAt(12) }))).toBe('written')
  const halfPast = new Date(slotAt(12).getTime() + 30 * 60_000)
  expect(await attempt(write({ elderId: 14, serviceId: 3, slotStart: halfPast, key: 'guard-overlap' }))).toBe('VISIT_OVERLAPS')
  expect(await count('orders', sql`elder_id = 14`)).toBe(1)
  expect(await count('idempotency_keys', sql`idem_key = 'guard-overlap'`)).toBe(0)
  expect(await query(app, sql`SELECT visit_guard FROM elders WHERE id = 14`)).toEqual([{ visit_guard: 0 }])
  expect(await attempt(write({ elderId: 14, serviceId: 3, slotStart: slotAt(13) }))).toBe('written') // starts as the other ends
  expect(await attempt(write({ elderId: 14, serviceId: 4, slotStart: halfPast, combinable: ['cleaning'] }))).toBe('written')
})

it('the week\'s first booking made twice at once: the second new balance row is refused (HOURS_MOVED)', async () => {
  const first: Minutes = { balance: { elderId: 13, weekStart: '2026-11-23', kind: 'housekeeping', granted: 180 }, used: 60, reason: '预约使用' }
  expect(await attempt(write({ elderId: 13, slotStart: slotAt(10), minutes: first }))).toBe('written')
  expect(await attempt(write({ elderId: 13, slotStart: slotAt(11), minutes: first }))).toBe('HOURS_MOVED')
})

it('a balance can never go past its grant or below zero, whatever writes it', async () => {
  await query(app, sql`INSERT INTO hours_balances (elder_id, week_start, kind, granted_minutes, used_minutes) VALUES (14, '2026-11-23', 'medical', 60, 0)`)
  const refusal = (q: ReturnType<typeof sql>) => query(app, q).then(() => 'accepted', (e) => String(e.cause?.message ?? e.message))
  expect(await refusal(sql`UPDATE hours_balances SET used_minutes = 61 WHERE elder_id = 14`)).toMatch(/hours_balances_used_within_granted/)
  expect(await refusal(sql`UPDATE hours_balances SET used_minutes = -1 WHERE elder_id = 14`)).toMatch(/hours_balances_used_within_granted/)
})

it('a second open order of the same elder, service and slot is refused (ALREADY_BOOKED); a cancelled one frees the visit', async () => {
  expect(await attempt(write({ elderId: 15, slotStart: slotAt(12) }))).toBe('written')
  expect(await attempt(write({ elderId: 15, slotStart: slotAt(12) }))).toBe('ALREADY_BOOKED')
  await query(app, sql`UPDATE orders SET status = 'cancelled' WHERE elder_id = 15`)
  expect(await attempt(write({ elderId: 15, slotStart: slotAt(12) }))).toBe('written')
})

it('a key already stored is refused (KEY_TAKEN), with its order rolled back', async () => {
  expect(await attempt(write({ elderId: 16, slotStart: slotAt(13), key: 'guard-key' }))).toBe('written')
  expect(await attempt(write({ elderId: 17, slotStart: slotAt(13), key: 'guard-key' }))).toBe('KEY_TAKEN')
  expect(await count('orders', sql`elder_id = 17`)).toBe(0)
})

it('a re-route takes a place the same way: a full station answers false and the transaction goes on', async () => {
  const slotStart = slotAt(14)
  const full = { stationId: 1, category: 'cleaning' as const, slotStart, capacity: 1 }
  const free = { ...full, stationId: 2 }
  const taken = await inTransaction(app.database.db, async (tx) => [await takePlace(tx, full, NOW), await takePlace(tx, full, NOW), await takePlace(tx, free, NOW)])
  expect(taken).toEqual([true, false, true])
  const rows = await query(app, sql`SELECT station_id, booked FROM station_slots WHERE category = 'cleaning' AND slot_start = ${slotStart} ORDER BY station_id`)
  expect(rows).toEqual([{ station_id: 1, booked: 1 }, { station_id: 2, booked: 1 }])
})

describe('through the API', () => {
  beforeAll(() => onlyStationOne(app, 3))

  it('an elder may book a visit again after cancelling it', async () => {
    const { elderIds, token } = await eldersNearStationOne(app, 1, '13911112001')
    const body = { elderId: elderIds[0], serviceId: CLEANING, slotStart: '2026-11-24T10:00:00+08:00' }
    const first = await book(app, token, body)
    expect(first.status).toBe(201)
    expect((await act(app, token, first.body.id, 'cancel')).status).toBe(200)
    const again = await book(app, token, body)
    expect(again.status).toBe(201)
    expect(again.body.id).not.toBe(first.body.id)
  })

  it('one key sent to two server processes at once → one order, and both answer with it', async () => {
    const other = await startTestApp({ clock: fixedClock, db: app.testDb, env: { TOKEN_SECRET: 'guards-test-secret-guards-test-secret-0123' } })
    try {
      const { elderIds, token } = await eldersNearStationOne(app, 1, '13911112002')
      const key = newKey()
      const body = { elderId: elderIds[0], serviceId: CLEANING, slotStart: '2026-11-24T11:00:00+08:00' }
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => book(i % 2 ? other : app, token, body, key)))
      const created = results.filter((r) => r.status === 201)
      expect(results.every((r) => r.status === 201 || (r.status === 409 && r.body.error.code === 'IDEMPOTENCY_KEY_IN_USE'))).toBe(true)
      expect(new Set(created.map((r) => r.body.id)).size).toBe(1)
      expect(created.some((r) => r.request.url.startsWith(other.baseUrl))).toBe(true)
      expect(created.some((r) => r.request.url.startsWith(app.baseUrl))).toBe(true)
      expect(await count('orders', sql`elder_id = ${elderIds[0]}`)).toBe(1)
    } finally {
      await other.close()
    }
  })
})
