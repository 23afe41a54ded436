import { sql } from 'drizzle-orm'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { DEMO_PHONES, staffPhone } from '../../server/src/seed/seed-demo'
import { act, book, CLEANING, NOW, query } from '../helpers/booking'
import { expectError } from '../helpers/expect-error'

/** Proof of service: the record of each completed visit and a month of them, for those who may read the elder. */
let app: TestApp
let now = NOW
let elder: string
let family: string
beforeAll(async () => {
  app = await startTestApp({ clock: () => now })
  elder = await app.login(DEMO_PHONES.elderFree)
  family = await app.login(DEMO_PHONES.family)
})
afterAll(() => app.close())

const get = (token: string, path: string) => app.request.get(path).set(bearer(token))

/** Booked by the daughter for her mother (elder 1), then accepted, checked in at the slot and out `minutes` later. */
async function visit(slotStart: string, minutes: number, checkOut: Record<string, unknown>) {
  now = NOW
  const placed = await book(app, family, { elderId: 1, serviceId: CLEANING, slotStart })
  expect(placed.status).toBe(201)
  const staff = await app.login(staffPhone(placed.body.station.id, 1))
  expect((await act(app, staff, placed.body.id, 'accept')).status).toBe(200)
  now = new Date(slotStart)
  expect((await act(app, staff, placed.body.id, 'start')).status).toBe(200)
  now = new Date(now.getTime() + minutes * 60_000)
  const done = await act(app, staff, placed.body.id, 'complete', checkOut)
  expect(done.status).toBe(200)
  now = NOW
  return { id: placed.body.id as number, stationId: placed.body.station.id as number, staff, payableFen: placed.body.price.payableFen as number }
}

let first: Awaited<ReturnType<typeof visit>>
let second: Awaited<ReturnType<typeof visit>>
let december: Awaited<ReturnType<typeof visit>>
let open: number
beforeAll(async () => {
  first = await visit('2026-11-24T09:00:00+08:00', 50, { chargedFen: 0, workNote: '打扫了厨房和卫生间，倒了垃圾' })
  // ¥5 from a 无偿 elder: the worker confirms it will be flagged (else 409 CHECK_OUT_NEEDS_CONFIRMATION).
  second = await visit('2026-11-26T15:00:00+08:00', 45, { chargedFen: 500, confirmConsequences: true })
  december = await visit('2026-12-01T09:00:00+08:00', 30, { chargedFen: 0, workNote: '擦了窗户' })
  const pending = await book(app, family, { elderId: 1, serviceId: CLEANING, slotStart: '2026-11-27T09:00:00+08:00' })
  expect(pending.status).toBe(201)
  open = pending.body.id
})

describe('a visit record', () => {
  it('says who came, when they arrived and left, the minutes, what was done and what was charged', async () => {
    const res = await get(family, `/api/orders/${first.id}/visit-record`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      orderId: first.id,
      service: { id: CLEANING, name: '居家保洁' },
      station: { id: first.stationId, name: expect.any(String), phone: expect.any(String) },
      slotStart: '2026-11-24T09:00:00+08:00',
      workerName: '周小梅',
      checkInAt: '2026-11-24T09:00:00+08:00',
      checkOutAt: '2026-11-24T09:50:00+08:00',
      servedMinutes: 50,
      workNote: '打扫了厨房和卫生间，倒了垃圾',
      payableFen: first.payableFen,
      charge: { quotedFen: first.payableFen, chargedFen: 0, flag: null, text: '实收 ¥0.00，与预约时一致' },
      placedByText: '由家人 王丽（王秀英的女儿） 代订',
    })
    // The elder opens the same record, and the order itself shows the worker and the note.
    expect((await get(elder, `/api/orders/${first.id}/visit-record`)).body).toEqual(res.body)
    const order = await get(elder, `/api/orders/${first.id}`)
    expect(order.body.visit).toMatchObject({ workerName: '周小梅', workNote: '打扫了厨房和卫生间，倒了垃圾', servedMinutes: 50 })
  })

  it('a visit with no note says so (null); a charge that differs from the quote reads as such', async () => {
    const res = await get(elder, `/api/orders/${second.id}/visit-record`)
    expect(res.body).toMatchObject({ workNote: null, servedMinutes: 45, charge: { chargedFen: 500 } })
    expect(res.body.charge.text).toMatch(/^实收 ¥5\.00/)
  })

  it('a visit not done yet is 409 with what to do; an order nobody may see is 404', async () => {
    expectError(await get(family, `/api/orders/${open}/visit-record`), 409, 'VISIT_NOT_COMPLETED')
    expectError(await get(family, '/api/orders/99999999/visit-record'), 404, 'NOT_FOUND')
    expectError(await get(family, '/api/orders/abc/visit-record'), 400, 'VALIDATION_FAILED')
    expect((await app.request.get(`/api/orders/${first.id}/visit-record`)).status).toBe(401)
  })

  it('the note is at most 200 characters of plain text', async () => {
    now = NOW
    const placed = await book(app, family, { elderId: 1, serviceId: CLEANING, slotStart: '2026-11-28T09:00:00+08:00' })
    const staff = await app.login(staffPhone(placed.body.station.id, 1))
    await act(app, staff, placed.body.id, 'accept')
    now = new Date('2026-11-28T09:00:00+08:00')
    await act(app, staff, placed.body.id, 'start')
    now = new Date('2026-11-28T09:40:00+08:00')
    const tooLong = await act(app, staff, placed.body.id, 'complete', { chargedFen: 0, workNote: '扫'.repeat(201) })
    expect(tooLong.status).toBe(400)
    expect(tooLong.body.error.message).toMatch(/服务内容/)
    const ok = await act(app, staff, placed.body.id, 'complete', { chargedFen: 0, workNote: '扫'.repeat(200) })
    expect(ok.status).toBe(200)
    expect(ok.body.visit.workNote).toHaveLength(200)
    now = NOW
  })
})

describe("a month's visits", () => {
  it('newest first, only completed ones of that month (business time), with totals', async () => {
    const nov = await get(family, '/api/elders/1/visits?month=2026-11')
    expect(nov.status).toBe(200)
    expect(nov.body.elder).toEqual({ id: 1, name: '王秀英' })
    expect(nov.body.month).toBe('2026-11')
    const ids = nov.body.visits.map((v: any) => v.orderId)
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id))
    expect(ids).not.toContain(open)
    expect(ids).not.toContain(december.id)
    const slots = nov.body.visits.map((v: any) => v.slotStart)
    expect([...slots].sort().reverse()).toEqual(slots)
    expect(nov.body.totals).toEqual({
      visits: nov.body.visits.length,
      servedMinutes: nov.body.visits.reduce((s: number, v: any) => s + v.servedMinutes, 0),
      chargedFen: nov.body.visits.reduce((s: number, v: any) => s + v.charge.chargedFen, 0),
    })
    expect(nov.body.totals.chargedFen).toBeGreaterThanOrEqual(500)

    const dec = await get(elder, '/api/elders/1/visits?month=2026-12')
    expect(dec.body.visits.map((v: any) => v.orderId)).toEqual([december.id])
    expect(dec.body.totals).toEqual({ visits: 1, servedMinutes: 30, chargedFen: 0 })
    // Without a month: the current one by the server's clock (November).
    expect((await get(elder, '/api/elders/1/visits')).body).toMatchObject({ month: '2026-11', totals: nov.body.totals })
    expect((await get(elder, '/api/elders/1/visits?month=2026-10')).body).toMatchObject({ visits: [], totals: { visits: 0, servedMinutes: 0, chargedFen: 0 } })
  })

  it('a month that is not YYYY-MM is 400 with the format', async () => {
    for (const month of ['2026-13', '2026-1', 'november', '1999-01']) {
      const res = await get(family, `/api/elders/1/visits?month=${month}`)
      expectError(res, 400, 'VALIDATION_FAILED')
    }
  })
})

describe('who may read visit records', () => {
  it('an unbound relative, another elder and another station’s staff get the same 404 as a missing elder or order', async () => {
    const outsiders = [DEMO_PHONES.familyUnbound, DEMO_PHONES.elderPaid, staffPhone(2, 1)]
    for (const phone of outsiders) {
      const token = await app.login(phone)
      expectError(await get(token, '/api/elders/1/visits?month=2026-11'), 404, 'ELDER_NOT_FOUND')
      expectError(await get(token, `/api/orders/${first.id}/visit-record`), 404, 'NOT_FOUND')
    }
    expectError(await get(family, '/api/elders/999999/visits'), 404, 'ELDER_NOT_FOUND')
    // An elder reads only their own.
    expectError(await get(elder, '/api/elders/2/visits'), 404, 'ELDER_NOT_FOUND')
  })

  it('a revoked relative loses the records at once', async () => {
    await query(app, sql`UPDATE family_links SET revoked_at = NOW(3) WHERE elder_id = 1 AND family_user_id = 9001`)
    try {
      expectError(await get(family, '/api/elders/1/visits?month=2026-11'), 404, 'ELDER_NOT_FOUND')
      expectError(await get(family, `/api/orders/${first.id}/visit-record`), 404, 'NOT_FOUND')
    } finally {
      await query(app, sql`UPDATE family_links SET revoked_at = NULL WHERE elder_id = 1 AND family_user_id = 9001`)
    }
  })

  it('the serving station and the supervisor read them (the supervisor for every elder)', async () => {
    expect((await get(first.staff, `/api/orders/${first.id}/visit-record`)).status).toBe(200)
    expect((await get(first.staff, '/api/elders/1/visits?month=2026-11')).status).toBe(200)
    const supervisor = await app.login(DEMO_PHONES.supervisor)
    expect((await get(supervisor, `/api/orders/${first.id}/visit-record`)).body.workerName).toBe('周小梅')
    expect((await get(supervisor, '/api/elders/1/visits?month=2026-11')).body.totals.visits).toBeGreaterThanOrEqual(2)
  })
})
