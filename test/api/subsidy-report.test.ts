/**
 * Monthly reconciliation (issue 10 item 4): completed orders of a business month (Asia/Shanghai, by slot), per
 * station and elder, as JSON and as a CSV Excel opens in Chinese; for supervisors only.
 */
import { sql } from 'drizzle-orm'
import { parse } from 'csv-parse/sync'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { DEMO_PHONES, adminPhone, staffPhone } from '../../server/src/seed/seed-demo'
import { act, book, CLEANING, NOW, query } from '../helpers/booking'
import { expectError } from '../helpers/expect-error'

const HEALTH_CHECK = 6 // 上门健康监测, medical minutes
let now = NOW
let app: TestApp
let supervisor: string
let refundStationId: number
beforeAll(async () => {
  app = await startTestApp({ clock: () => now })
  supervisor = await app.login(DEMO_PHONES.supervisor)
  const paid = await app.login(DEMO_PHONES.elderPaid)
  const low = await app.login(DEMO_PHONES.elderLow)
  // 张桂兰 (paid) twice: once charged as quoted, once overcharged; 李建国 (low) on purchased minutes of both kinds.
  await visit(paid, 3, CLEANING, 9, (p) => p)
  const overcharged = await visit(paid, 3, CLEANING, 10, (p) => p + 2000)
  await visit(low, 2, CLEANING, 9, (p) => p)
  await visit(low, 2, HEALTH_CHECK, 11, (p) => p)
  // 张桂兰 complains of the overcharge; the station answers with a refund of the 20 yuan (issue 15 item 17).
  const complaint = await app.request.post('/api/complaints').set(bearer(paid)).send({ orderId: overcharged, category: 'fee', description: '多收了 20 元', anonymous: false })
  expect(complaint.status).toBe(201)
  refundStationId = complaint.body.station.id
  const admin = await app.login(adminPhone(refundStationId))
  expect((await app.request.post(`/api/complaints/${complaint.body.id}/respond`).set(bearer(admin)).send({})).status).toBe(200)
  expect((await app.request.post(`/api/complaints/${complaint.body.id}/resolve`).set(bearer(admin)).send({ message: '已退还', refundFen: 2000 })).status).toBe(200)
  // Booked but never served: not reconciled.
  expect((await book(app, paid, { elderId: 3, serviceId: CLEANING, slotStart: '2026-11-24T15:00:00+08:00' })).status).toBe(201)
})
afterAll(() => app?.close())

/** Books, accepts, checks in at the slot and checks out an hour later with the amount `charge` gives. */
async function visit(token: string, elderId: number, serviceId: number, hour: number, charge: (payable: number) => number) {
  now = NOW
  const slot = `2026-11-24T${String(hour).padStart(2, '0')}:00:00+08:00`
  const res = await book(app, token, { elderId, serviceId, slotStart: slot })
  expect(res.status).toBe(201)
  const staff = await app.login(staffPhone(res.body.station.id, 1))
  expect((await act(app, staff, res.body.id, 'accept')).status).toBe(200)
  now = new Date(slot)
  expect((await act(app, staff, res.body.id, 'start')).status).toBe(200)
  now = new Date(now.getTime() + 60 * 60_000)
  expect((await act(app, staff, res.body.id, 'complete', { chargedFen: charge(res.body.price.payableFen) })).status).toBe(200)
  now = NOW
  return res.body.id as number
}

const FIGURES = ['completedOrders', 'housekeepingMinutes', 'medicalMinutes', 'subsidyFen', 'paidByEldersFen', 'chargeMismatches', 'refundedFen'] as const
const report = (month: string, token = supervisor) => app.request.get(`/api/reports/subsidy?month=${month}`).set(bearer(token))

/** The month's figures straight from the orders table, computed independently of the report. */
async function fromOrders(from: string, to: string) {
  const [r] = await query(app, sql`SELECT COUNT(*) AS completedOrders,
      COALESCE(SUM(CASE WHEN hours_kind = 'housekeeping' THEN hours_used_minutes END), 0) AS housekeepingMinutes,
      COALESCE(SUM(CASE WHEN hours_kind = 'medical' THEN hours_used_minutes END), 0) AS medicalMinutes,
      COALESCE(SUM(subsidy_fen), 0) AS subsidyFen, COALESCE(SUM(COALESCE(charged_fen, payable_fen)), 0) AS paidByEldersFen,
      COALESCE(SUM(charge_flag IS NOT NULL), 0) AS chargeMismatches,
      COALESCE(SUM((SELECT SUM(c.refund_fen) FROM complaints c WHERE c.order_id = orders.id AND c.status IN ('resolved', 'closed'))), 0) AS refundedFen
    FROM orders WHERE status = 'completed' AND slot_start >= ${new Date(from)} AND slot_start < ${new Date(to)}`)
  return Object.fromEntries(FIGURES.map((k) => [k, Number(r[k])]))
}

describe('GET /api/reports/subsidy (JSON)', () => {
  it('totals equal the sum of the rows and of the stations, and what the orders table says', async () => {
    const res = await report('2026-11').expect(200)
    const body = res.body
    expect(body).toMatchObject({ month: '2026-11', from: '2026-11-01T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00' })
    expect(body.totals.completedOrders).toBe(4)
    for (const k of FIGURES) {
      expect(body.rows.reduce((s: number, r: Record<string, number>) => s + r[k]!, 0)).toBe(body.totals[k])
      expect(body.stations.reduce((s: number, r: Record<string, number>) => s + r[k]!, 0)).toBe(body.totals[k])
    }
    expect(body.totals).toEqual(await fromOrders(body.from, body.to))
    expect(body.totals.housekeepingMinutes).toBeGreaterThan(0)
    expect(body.totals.medicalMinutes).toBeGreaterThan(0)
    expect(body.totals.subsidyFen).toBeGreaterThan(0)
    expect(body.totals.refundedFen).toBe(2000)
    expect(body.stations.find((s: { stationId: number }) => s.stationId === refundStationId).refundedFen).toBe(2000)
    expect(body.mismatches).toEqual([expect.objectContaining({ elderId: 3, flag: 'overcharge', chargedFen: expect.any(Number), quotedFen: expect.any(Number) })])
    expect(body.mismatches[0].chargedFen - body.mismatches[0].quotedFen).toBe(2000)
    expect(body.rows.map((r: { elderName: string; tier: string }) => [r.elderName, r.tier])).toEqual(expect.arrayContaining([['张桂兰', 'paid'], ['李建国', 'low']]))
  })

  it('counts a visit in the business month of its slot (Asia/Shanghai), not the UTC one', async () => {
    const [o] = await query<{ id: number }>(app, sql`SELECT id FROM orders WHERE status = 'completed' ORDER BY id LIMIT 1`)
    try {
      // 2026-12-01 00:30 in Shanghai is still 30 November in UTC.
      await query(app, sql`UPDATE orders SET slot_start = ${new Date('2026-12-01T00:30:00+08:00')} WHERE id = ${o!.id}`)
      expect((await report('2026-11').expect(200)).body.totals.completedOrders).toBe(3)
      expect((await report('2026-12').expect(200)).body.totals.completedOrders).toBe(1)
    } finally {
      await query(app, sql`UPDATE orders SET slot_start = ${new Date('2026-11-24T09:00:00+08:00')} WHERE id = ${o!.id}`)
    }
    const empty = (await report('2025-01').expect(200)).body
    expect(empty).toMatchObject({ rows: [], stations: [], mismatches: [], totals: { completedOrders: 0, subsidyFen: 0 } })
  })
})

describe('GET /api/reports/subsidy?format=csv', () => {
  it('is a UTF-8 CSV with BOM, a Chinese header and a totals row equal to the sum of the rows; named for download', async () => {
    const res = await fetch(`${app.baseUrl}/api/reports/subsidy?month=2026-11&format=csv`, { headers: bearer(supervisor) })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="subsidy-2026-11.csv"; filename*=UTF-8''${encodeURIComponent('补贴对账-2026-11.csv')}`)
    const bytes = Buffer.from(await res.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const records = parse(bytes, { bom: true }) as string[][]
    const [header, ...rest] = records
    expect(header).toEqual(['驿站', '运营方', '老人编号', '老人', '补贴类别', '完成订单数', '家政服务时长（分钟）', '医疗服务时长（分钟）', '补贴金额（元）', '老人实付（元）', '实收与报价不符（单）', '退款（元）'])
    const totals = rest.pop()!
    expect(totals[0]).toBe('合计（2026-11）')
    // Each station's elder rows, then that station's subtotal row (issue 15 item 17).
    const subtotals = rest.filter((r) => r[0]!.endsWith(' 小计'))
    const elderRows = rest.filter((r) => !r[0]!.endsWith(' 小计'))
    const json = (await report('2026-11').expect(200)).body
    expect(elderRows).toHaveLength(json.rows.length)
    expect(subtotals.map((r) => r[0])).toEqual(json.stations.map((s: { stationName: string }) => `${s.stationName} 小计`))
    expect(rest[rest.length - 1]![0]!.endsWith(' 小计')).toBe(true)
    const fen = (yuan: string) => Math.round(Number(yuan) * 100)
    const money = (c: number) => c === 8 || c === 9 || c === 11
    const value = (r: string[], c: number) => (money(c) ? fen(r[c]!) : Number(r[c]))
    for (let c = 5; c < header!.length; c++) {
      expect(value(totals, c)).toBe(elderRows.reduce((s, r) => s + value(r, c), 0))
      expect(value(totals, c)).toBe(subtotals.reduce((s, r) => s + value(r, c), 0))
      for (const sub of subtotals) {
        const name = sub[0]!.slice(0, -' 小计'.length)
        expect(value(sub, c)).toBe(elderRows.filter((r) => r[0] === name).reduce((s, r) => s + value(r, c), 0))
      }
    }
    expect(Number(totals[5])).toBe(json.totals.completedOrders)
    expect(fen(totals[8]!)).toBe(json.totals.subsidyFen)
    expect(fen(totals[9]!)).toBe(json.totals.paidByEldersFen)
    expect(fen(totals[11]!)).toBe(2000)
  })
})

describe('who may read it, and what is asked', () => {
  it('supervisors only: 403 for every other role, 401 without a login', async () => {
    for (const phone of [DEMO_PHONES.elderFree, DEMO_PHONES.family, DEMO_PHONES.staffStation1, DEMO_PHONES.adminStation1]) {
      expectError(await report('2026-11', await app.login(phone)), 403, 'FORBIDDEN')
    }
    expectError(await app.request.get('/api/reports/subsidy?month=2026-11'), 401, 'UNAUTHENTICATED')
  })

  it.each(['2026-13', '2026-00', '2026-1', '26-11', '1999-12', 'abc', '2026-11-01', ''])('month=%s → 400', async (month) => {
    expectError(await report(month), 400, 'VALIDATION_FAILED')
  })

  it('no month, or an unknown format → 400', async () => {
    expectError(await app.request.get('/api/reports/subsidy').set(bearer(supervisor)), 400, 'VALIDATION_FAILED')
    expectError(await app.request.get('/api/reports/subsidy?month=2026-11&format=xlsx').set(bearer(supervisor)), 400, 'VALIDATION_FAILED')
  })

  it('is in the OpenAPI document, with its CSV form', async () => {
    const doc = (await app.request.get('/api/openapi.json').expect(200)).body
    const op = doc.paths['/api/reports/subsidy'].get
    expect(op['x-roles']).toEqual(['supervisor'])
    expect(Object.keys(op.responses['200'].content)).toEqual(['application/json', 'text/csv'])
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(['month', 'format'])
  })
})
