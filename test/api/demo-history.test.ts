/**
 * `npm start`'s demo month (server/src/seed/demo-history.ts): November 2026 of completed visits, consistent with
 * every rule the live paths keep — routed inside a circle, priced from the board by tier, minutes = sum of ledger.
 */
import { sql } from 'drizzle-orm'
import { createTestDatabase } from '../helpers/test-database'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { query } from '../helpers/booking'
import { DEMO_PHONES } from '../../server/src/seed/seed-demo'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp({ db: await createTestDatabase({ elders: 300, history: true }) })
})
afterAll(async () => {
  await app?.close()
  await app?.testDb.drop()
})

it('every visit is completed in November, never for the README’s four, by its station’s worker', async () => {
  const [o] = await query(app, sql`SELECT COUNT(*) AS n, SUM(status = 'completed') AS done, MIN(elder_id) AS firstElder,
    SUM(slot_start < '2026-10-31 16:00:00' OR slot_start >= '2026-11-30 16:00:00') AS outside, SUM(charge_flag = 'overcharge') AS overcharged FROM orders`)
  expect(Number(o.n)).toBeGreaterThan(100)
  expect(Number(o.done)).toBe(Number(o.n))
  expect(Number(o.firstElder)).toBeGreaterThan(4)
  expect(Number(o.outside)).toBe(0)
  expect(Number(o.overcharged)).toBeGreaterThan(0)
  const [wrongWorker] = await query(app, sql`SELECT COUNT(*) AS n FROM orders o JOIN users u ON u.id = o.checked_in_by WHERE u.station_id <> o.station_id`)
  expect(Number(wrongWorker.n)).toBe(0)
})

it('purchased minutes: every balance equals the sum of its ledger, never below zero, and each use is an order’s', async () => {
  const bad = await query(app, sql`SELECT b.id FROM hours_balances b LEFT JOIN hours_ledger l ON l.balance_id = b.id
    GROUP BY b.id, b.granted_minutes, b.used_minutes HAVING b.granted_minutes - b.used_minutes <> COALESCE(SUM(l.delta_minutes), 0) OR b.used_minutes > b.granted_minutes`)
  expect(bad).toEqual([])
  const [uses] = await query(app, sql`SELECT COALESCE(SUM(-l.delta_minutes), 0) AS ledger, (SELECT SUM(hours_used_minutes) FROM orders) AS orders FROM hours_ledger l WHERE l.movement = 'use'`)
  expect(Number(uses.ledger)).toBe(Number(uses.orders))
})

it('the month’s reconciliation adds up: totals are the sum of the rows', async () => {
  const res = await app.request.get('/api/reports/subsidy?month=2026-11').set(bearer(await app.login(DEMO_PHONES.supervisor))).expect(200)
  const [sum] = await query(app, sql`SELECT COUNT(*) AS n, SUM(subsidy_fen) AS subsidy, SUM(charged_fen) AS paid FROM orders`)
  expect(res.body.totals).toMatchObject({ completedOrders: Number(sum.n), subsidyFen: Number(sum.subsidy), paidByEldersFen: Number(sum.paid) })
  expect(res.body.mismatches.length).toBeGreaterThan(0)
})
