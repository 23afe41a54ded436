/**
 * Tiers verified by a supervisor, and the purchased-minutes ledger: every movement a row, the balance the sum
 * of the rows, never below zero — also with 30 bookings at once against minutes enough for 4.
 */
import { sql } from 'drizzle-orm'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { expectError } from '../helpers/expect-error'
import { act, book, CLEANING, query } from '../helpers/booking'
import { DEMO_PHONES } from '../../server/src/seed/seed-demo'
import { sweepTierExpiries } from '../../server/src/eligibility/sweep-tier-expiries'

/** A clock the test moves: Monday 2026-11-23 08:00 in Shanghai to start with. */
let now = new Date('2026-11-23T08:00:00+08:00')
let app: TestApp
let supervisor: string
beforeAll(async () => {
  app = await startTestApp({ clock: () => now })
  supervisor = await app.login(DEMO_PHONES.supervisor)
})
afterAll(() => app?.close())

const ZHANG = 3 // 张桂兰, 71, paid, has her own login
const LI = 2 // 李建国, 76, low (空巢)
const setTier = (token: string, elderId: number, body: Record<string, unknown>) => app.request.put(`/api/elders/${elderId}/tier`).set(bearer(token)).send(body)
const hours = (token: string, elderId: number) => app.request.get(`/api/elders/${elderId}/hours`).set(bearer(token))
const quote = (token: string, elderId: number, slotStart = '2026-11-25T09:00:00+08:00') =>
  app.request.post('/api/quotes').set(bearer(token)).send({ elderId, serviceId: CLEANING, slotStart })
const sumOfLedger = (body: { ledger: { kind: string; deltaMinutes: number }[] }, kind: string) =>
  body.ledger.filter((l) => l.kind === kind).reduce((a, l) => a + l.deltaMinutes, 0)

describe('PUT /api/elders/:id/tier', () => {
  it('a supervisor verifies 张桂兰 as 空巢 (低偿): she is told in plain words, her quote changes, the change is audited', async () => {
    expect((await quote(await app.login(DEMO_PHONES.elderPaid), ZHANG)).body.price.tier).toBe('paid')
    const res = await setTier(supervisor, ZHANG, { tier: 'low', category: 'empty_nest', reason: '核实子女户籍在外地' })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ elderId: ZHANG, tier: 'low', category: 'empty_nest', categoryLabel: '空巢', verified: true, expiresAt: null })
    expect(res.body.explanation).toBe('张桂兰是空巢老人（子女不在本市），服务按低偿价格收费，每周还有政府购买的服务时长')
    const elder = await app.login(DEMO_PHONES.elderPaid)
    const mine = await hours(elder, ZHANG).expect(200)
    expect(mine.body.tier.explanation).toMatch(/^您是空巢老人/)
    const q = await quote(elder, ZHANG)
    expect(q.body.price).toMatchObject({ tier: 'low', hoursUsedMinutes: 60, payableFen: 0 })
    const notices = await app.request.get('/api/notifications').set(bearer(elder)).expect(200)
    expect(notices.body.notifications[0]).toMatchObject({ entity: 'elder', entityId: ZHANG, title: '优惠认定已更新' })
    // Told to the elder herself, it speaks to her (您), not about her.
    expect(notices.body.notifications[0].body).toMatch(/^您是空巢老人/)
    const audit = await query(app, sql`SELECT action, detail FROM audit_log WHERE entity = 'elder' AND entity_id = ${ZHANG} AND action = 'elder.tier'`)
    expect(audit).toHaveLength(1)
    expect(typeof audit[0].detail === 'string' ? JSON.parse(audit[0].detail) : audit[0].detail).toMatchObject({ from: { tier: 'paid' }, to: { tier: 'low', category: 'empty_nest' } })
  })

  it('refuses a category that does not grant the tier, one the age does not fit, an expiry in the past and a missing reason', async () => {
    expectError(await setTier(supervisor, ZHANG, { tier: 'free', category: 'empty_nest', reason: '测试原因' }), 400, 'VALIDATION_FAILED')
    expectError(await setTier(supervisor, ZHANG, { tier: 'free', category: 'age_90_plus', reason: '测试原因' }), 422, 'VALIDATION_FAILED')
    expectError(await setTier(supervisor, ZHANG, { tier: 'low', category: 'empty_nest', reason: '测试原因', expiresAt: '2026-11-01T00:00:00+08:00' }), 400, 'VALIDATION_FAILED')
    expectError(await setTier(supervisor, ZHANG, { tier: 'low', category: 'empty_nest' }), 400, 'VALIDATION_FAILED')
    expectError(await setTier(supervisor, ZHANG, { tier: 'low', category: 'empty_nest', reason: '测试原因', expiresAt: '9999-12-31T23:59:59-12:00' }), 400, 'VALIDATION_FAILED')
  })

  it('nobody but a supervisor sets a tier — an elder never sets their own', async () => {
    const body = { tier: 'free', category: 'dibao', reason: '我是低保户' }
    for (const phone of [DEMO_PHONES.elderPaid, DEMO_PHONES.family, DEMO_PHONES.staffStation1, DEMO_PHONES.adminStation1]) {
      expectError(await setTier(await app.login(phone), ZHANG, body), 403, 'FORBIDDEN')
    }
    expectError(await setTier(supervisor, 987654, body), 404, 'ELDER_NOT_FOUND')
  })
})

describe('GET /api/elders/:id/hours and the ledger', () => {
  it('李建国 books and cancels: grant, use and refund are rows, and what is left is always their sum', async () => {
    const token = await app.login(DEMO_PHONES.elderLow)
    const before = (await hours(token, LI).expect(200)).body
    expect(before.balances.find((b: { kind: string }) => b.kind === 'housekeeping')).toMatchObject({ grantedMinutes: 180, usedMinutes: 0, remainingMinutes: 180 })
    const order = await book(app, token, { elderId: LI, serviceId: CLEANING, slotStart: '2026-11-24T10:00:00+08:00' })
    expect(order.status).toBe(201)
    const after = (await hours(token, LI).expect(200)).body
    const hk = after.balances.find((b: { kind: string }) => b.kind === 'housekeeping')
    expect(hk).toMatchObject({ grantedMinutes: 180, usedMinutes: 60, remainingMinutes: 120, text: '家政：本周还剩 2 小时（共 3 小时）' })
    expect(after.ledger.map((l: { movement: string; deltaMinutes: number; orderId: number | null }) => [l.movement, l.deltaMinutes, l.orderId])).toEqual([
      ['use', -60, order.body.id],
      ['grant', 180, null],
    ])
    expect(sumOfLedger(after, 'housekeeping')).toBe(hk.remainingMinutes)
    await act(app, token, order.body.id, 'cancel').expect(200)
    const back = (await hours(token, LI).expect(200)).body
    expect(back.ledger[0]).toMatchObject({ movement: 'refund', deltaMinutes: 60, orderId: order.body.id })
    expect(sumOfLedger(back, 'housekeeping')).toBe(180)
  })

  it('the bound daughter and the supervisor may read an elder’s minutes; an unbound relative, another elder and staff may not', async () => {
    await hours(await app.login(DEMO_PHONES.family), 1).expect(200)
    await hours(supervisor, 1).expect(200)
    expectError(await hours(await app.login(DEMO_PHONES.familyUnbound), 1), 404, 'ELDER_NOT_FOUND')
    expectError(await hours(await app.login(DEMO_PHONES.elderLow), 1), 404, 'ELDER_NOT_FOUND')
    expectError(await hours(await app.login(DEMO_PHONES.staffStation1), 1), 403, 'FORBIDDEN')
  })

  it('a supervisor adjusts a week with a reason (a row of its own, with who); never below what is used; only supervisors', async () => {
    const adjust = (token: string, body: Record<string, unknown>) => app.request.post(`/api/elders/${LI}/hours/adjustments`).set(bearer(token)).send(body)
    const res = await adjust(supervisor, { kind: 'medical', minutes: 30, reason: '术后复诊需要陪同' })
    expect(res.status).toBe(200)
    const medical = res.body.balances.find((b: { kind: string }) => b.kind === 'medical')
    expect(medical).toMatchObject({ grantedMinutes: 90, remainingMinutes: 90 })
    expect(res.body.ledger[0]).toMatchObject({ movement: 'adjust', deltaMinutes: 30, reason: '术后复诊需要陪同' })
    expect(sumOfLedger(res.body, 'medical')).toBe(90)
    expectError(await adjust(supervisor, { kind: 'medical', minutes: -91, reason: '测试' }), 409, 'ILLEGAL_TRANSITION')
    expectError(await adjust(supervisor, { kind: 'medical', minutes: 0, reason: '测试' }), 400, 'VALIDATION_FAILED')
    expectError(await adjust(supervisor, { kind: 'medical', minutes: 30, reason: '测试', week: '2026-13-45' }), 400, 'VALIDATION_FAILED')
    expectError(await app.request.get(`/api/elders/${LI}/hours?week=2026-02-30`).set(bearer(supervisor)), 400, 'VALIDATION_FAILED')
    expectError(await adjust(await app.login(DEMO_PHONES.elderLow), { kind: 'medical', minutes: 30, reason: '想多要' }), 403, 'FORBIDDEN')
    const [row] = await query(app, sql`SELECT actor_user_id FROM hours_ledger WHERE movement = 'adjust'`)
    expect(row.actor_user_id).not.toBeNull()
  })

  it('30 bookings at once against minutes enough for 4 → exactly 4 use minutes, and the balance is the sum of its ledger', async () => {
    // A supervisor's weekly grant for 王秀英 (free): 240 minutes, four 60-minute cleanings, from her next grant.
    await app.request.put('/api/elders/1/hours/weekly-grant').set(bearer(supervisor)).send({ housekeepingMinutes: 240, medicalMinutes: null, reason: '独居，保洁需求多' }).expect(200)
    const daughter = await app.login(DEMO_PHONES.family)
    // The week of Monday 2026-11-30: five days × six hours, every one a different visit, fired together.
    const slots = [30, 1, 2, 3, 4].flatMap((d) => [8, 9, 10, 13, 14, 15].map((h) => `2026-${d === 30 ? '11' : '12'}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00+08:00`))
    const results = await Promise.all(slots.map((slotStart) => book(app, daughter, { elderId: 1, serviceId: CLEANING, slotStart })))
    const booked = results.filter((r) => r.status === 201)
    expect(results.filter((r) => r.status !== 201).map((r) => r.body.error?.code).filter((c) => c !== 'SLOT_FULL')).toEqual([])
    const using = booked.filter((r) => r.body.price.hoursUsedMinutes > 0)
    expect(using).toHaveLength(4)
    expect(using.every((r) => r.body.price.hoursUsedMinutes === 60 && r.body.price.payableFen === 0)).toBe(true)
    const [bal] = await query(app, sql`SELECT id, granted_minutes, used_minutes FROM hours_balances WHERE elder_id = 1 AND week_start = '2026-11-30' AND kind = 'housekeeping'`)
    expect(bal).toMatchObject({ granted_minutes: 240, used_minutes: 240 })
    const [sum] = await query(app, sql`SELECT SUM(delta_minutes) AS s, COUNT(*) AS n FROM hours_ledger WHERE balance_id = ${bal.id}`)
    expect(Number(sum.s)).toBe(0)
    expect(Number(sum.n)).toBe(5) // one grant, four uses
  })
})

describe('a verification that lapses', () => {
  it('is announced a week ahead (once), then prices as paid from its expiry and the record says so', async () => {
    const res = await setTier(supervisor, ZHANG, { tier: 'low', category: 'empty_nest', reason: '年度复核', expiresAt: '2026-12-10T00:00:00+08:00' })
    expect(res.body.expiresAt).toBe('2026-12-10T00:00:00+08:00')
    now = new Date('2026-12-02T08:00:00+08:00')
    expect(await sweepTierExpiries(app.deps)).toEqual({ warned: 0, lapsed: 0 })
    now = new Date('2026-12-03T08:00:00+08:00')
    expect(await sweepTierExpiries(app.deps)).toEqual({ warned: 1, lapsed: 0 })
    expect(await sweepTierExpiries(app.deps)).toEqual({ warned: 0, lapsed: 0 })
    const elder = await app.login(DEMO_PHONES.elderPaid)
    const list = (await app.request.get('/api/notifications').set(bearer(elder)).expect(200)).body.notifications
    expect(list[0]).toMatchObject({ title: '优惠认定即将到期', entity: 'elder' })
    expect(list[0].body).toContain('12月10日 00:00')
    expect(list[0].body).toMatch(/^您的优惠认定将在/)
    // At the expiry the quote is paid even before any sweep; the sweep then records it.
    now = new Date('2026-12-10T00:00:00+08:00')
    expect((await quote(elder, ZHANG, '2026-12-11T09:00:00+08:00')).body.price.tier).toBe('paid')
    expect((await hours(elder, ZHANG).expect(200)).body.tier.explanation).toMatch(/^您的优惠认定已到期/)
    expect(await sweepTierExpiries(app.deps)).toEqual({ warned: 0, lapsed: 1 })
    expect((await app.request.get('/api/notifications').set(bearer(elder)).expect(200)).body.notifications[0]).toMatchObject({ title: '优惠认定已到期', body: expect.stringMatching(/^您的优惠认定已到期/) })
    const [row] = await query(app, sql`SELECT tier, tier_reason, tier_verified_at FROM elders WHERE id = ${ZHANG}`)
    expect(row).toMatchObject({ tier: 'paid', tier_reason: 'none', tier_verified_at: null })
  })
})

describe('GET /api/elders/:id/price-comparison (与附近驿站比价)', () => {
  const compare = (token: string, elderId: number, serviceId: number | string = CLEANING) => app.request.get(`/api/elders/${elderId}/price-comparison?serviceId=${serviceId}`).set(bearer(token))

  it('lists every station whose circle covers the home, by the elder’s own price then travel time, each matching its public board', async () => {
    now = new Date('2026-11-23T08:00:00+08:00')
    const res = await compare(await app.login(DEMO_PHONES.family), 1)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ elderId: 1, tier: 'free', basis: '按王秀英的价格（无偿）从低到高', service: { id: CLEANING } })
    const list = res.body.stations as { stationId: number; yourPriceFen: number; listPriceFen: number; travelMinutes: number }[]
    expect(list.length).toBeGreaterThan(1)
    expect(list.some((s) => s.stationId === 1)).toBe(true)
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1], list[i]]
      expect(a.yourPriceFen < b.yourPriceFen || (a.yourPriceFen === b.yourPriceFen && a.travelMinutes <= b.travelMinutes)).toBe(true)
    }
    for (const s of list) {
      const board = (await app.request.get(`/api/stations/${s.stationId}/price-board`).expect(200)).body
      const item = board.items.find((i: { serviceId: number }) => i.serviceId === CLEANING)
      expect([s.stationId, s.yourPriceFen, s.listPriceFen]).toEqual([s.stationId, item.freeFen, item.paidFen])
    }
  })

  it('an elder outside every circle gets an empty list; others’ elders and bad services are refused', async () => {
    const outside = await compare(await app.login(DEMO_PHONES.elderOutside), 4).expect(200)
    expect(outside.body.stations).toEqual([])
    expectError(await compare(await app.login(DEMO_PHONES.familyUnbound), 1), 404, 'ELDER_NOT_FOUND')
    expectError(await compare(await app.login(DEMO_PHONES.staffStation2), 1), 404, 'ELDER_NOT_FOUND')
    expectError(await compare(supervisor, 1, 'abc'), 400, 'VALIDATION_FAILED')
    expectError(await compare(supervisor, 1, 98765), 404, 'NOT_FOUND')
  })
})

describe('the week the minutes come from', () => {
  it('booked on Sunday for Monday: the quote names next week (下周（12月7日起）) and its own balance, and 我的补贴 can show that week', async () => {
    now = new Date('2026-12-06T20:00:00+08:00') // a Sunday evening
    const token = await app.login(DEMO_PHONES.elderLow)
    // This week's housekeeping minutes are spent; next week's grant is untouched.
    await app.request.post(`/api/elders/${LI}/hours/adjustments`).set(bearer(supervisor)).send({ kind: 'housekeeping', minutes: -180, reason: '本周已在线下用完' }).expect(200)
    const q = await quote(token, LI, '2026-12-07T09:00:00+08:00')
    expect(q.status).toBe(200)
    expect(q.body.price).toMatchObject({ tier: 'low', hoursUsedMinutes: 60, hoursRemainingMinutes: 120, payableFen: 0 })
    expect(q.body.price.explanation).toMatch(/^您是低偿服务对象，低偿价 ¥[\d.]+；下周（12月7日起）政府购买的家政时长还剩 3 小时，这次抵扣 1 小时，不用付钱$/)
    const booked = await book(app, token, { elderId: LI, serviceId: CLEANING, slotStart: '2026-12-07T09:00:00+08:00' })
    expect(booked.status).toBe(201)
    expect(booked.body.price.explanation).toContain('下周（12月7日起）政府购买的家政时长')

    const thisWeek = (await hours(token, LI).expect(200)).body
    expect(thisWeek.weekStart).toBe('2026-11-30')
    expect(thisWeek.balances.find((b: { kind: string }) => b.kind === 'housekeeping')).toMatchObject({ remainingMinutes: 0, text: '家政：本周还剩 0 分钟（共 0 分钟）' })
    const next = (await app.request.get(`/api/elders/${LI}/hours?week=2026-12-07`).set(bearer(token)).expect(200)).body
    expect(next.weekStart).toBe('2026-12-07')
    expect(next.balances.find((b: { kind: string }) => b.kind === 'housekeeping')).toMatchObject({ remainingMinutes: 120, text: '家政：下周还剩 2 小时（共 3 小时）' })
    expect(next.ledger[0]).toMatchObject({ movement: 'use', deltaMinutes: -60, orderId: booked.body.id })
  })
})
