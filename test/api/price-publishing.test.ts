/**
 * Publishing a price board (issue 10 item 1): only a station's own admin writes it; a board that breaks a rule is
 * refused with its code and nothing is written; drafts are never quoted; a published version is immutable, audited,
 * and quoted from its effective instant on by every process. Prices are those of the version in force at QUOTE time
 * (the clock when quoting or booking), as routing always did; an order keeps the version it was quoted at.
 */
import { sql } from 'drizzle-orm'
import { startTestApp, withTestApp, bearer, type TestApp } from '../helpers/test-app'
import { expectError } from '../helpers/expect-error'
import { book, CLEANING, NOW, query, SLOT } from '../helpers/booking'
import { adminPhone, DEMO_PHONES } from '../../server/src/seed/seed-demo'
import { formatYuan, toBusinessIso } from '@carecircle/shared'

// A clock the test moves; both processes read the same one.
let nowMs = NOW.getTime()
const clock = () => new Date(nowMs)
const iso = (ms: number) => new Date(ms).toISOString()
const SHARED = { env: { TOKEN_SECRET: 'price-publishing-secret-price-publishing' }, clock }

let app: TestApp
let admin1: string
beforeAll(async () => {
  app = await startTestApp(SHARED)
  admin1 = await app.login(DEMO_PHONES.adminStation1)
})
afterAll(() => app?.close())

type Line = { serviceId: number; unit: string; content: string; paidFen: number; lowFen: number; freeFen: number }
/** The lines of a station's board in force now, as a station admin would resubmit them. */
async function currentLines(stationId: number): Promise<Line[]> {
  const board = await app.request.get(`/api/stations/${stationId}/price-board`).expect(200)
  return board.body.items.map(({ serviceId, unit, content, paidFen, lowFen, freeFen }: Line) => ({ serviceId, unit, content, paidFen, lowFen, freeFen }))
}
const counts = async () => (await query<{ v: number; i: number; a: number }>(app, sql`SELECT (SELECT COUNT(*) FROM price_versions) AS v, (SELECT COUNT(*) FROM price_items) AS i, (SELECT COUNT(*) FROM audit_log) AS a`))[0]
/** Published versions still waiting for their time (station 1's seed has one for 2027): a publication before them confirms them. */
async function waitingIds(stationId: number): Promise<number[]> {
  const { versions } = (await app.request.get(`/api/stations/${stationId}/price-versions`).expect(200)).body as { versions: { id: number; effectiveFrom: string }[] }
  return versions.filter((v) => Date.parse(v.effectiveFrom) > nowMs).map((v) => v.id)
}
const publish = (target: TestApp, token: string, stationId: number, body: Record<string, unknown>) => target.request.post(`/api/stations/${stationId}/price-versions`).set(bearer(token)).send(body)

describe('who may publish', () => {
  it('only the admin of that station: another station 403, staff/elder/supervisor 403, nobody 401, no station 404', async () => {
    const items = await currentLines(2)
    const body = { effectiveFrom: iso(nowMs + 86_400_000), items }
    expectError(await publish(app, admin1, 2, body), 403, 'FORBIDDEN')
    for (const phone of [DEMO_PHONES.staffStation1, DEMO_PHONES.elderFree, DEMO_PHONES.supervisor, DEMO_PHONES.family]) {
      expectError(await publish(app, await app.login(phone), 1, body), 403, 'FORBIDDEN')
    }
    expectError(await app.request.post('/api/stations/1/price-versions').send(body), 401, 'UNAUTHENTICATED')
    expectError(await publish(app, admin1, 99999, body), 404, 'NOT_FOUND')
    const admin2 = await app.login(adminPhone(2))
    expect((await publish(app, admin2, 2, body)).status).toBe(201)
  })
})

describe('a board that breaks a rule is refused, and nothing is written', () => {
  const cases: [string, (l: Line[]) => Line[], string, number?][] = [
    ['a tier price above the list price', (l) => [{ ...l[0]!, lowFen: l[0]!.paidFen + 1 }], 'PRICE_TIERS_OUT_OF_ORDER'],
    ['free above low', (l) => [{ ...l[0]!, paidFen: 5000, lowFen: 1000, freeFen: 1001 }], 'PRICE_TIERS_OUT_OF_ORDER'],
    ['a negative price', (l) => [{ ...l[0]!, freeFen: -1 }], 'PRICE_OUT_OF_RANGE'],
    ['more than ¥10,000 per unit', (l) => [{ ...l[0]!, paidFen: 1_000_001 }], 'PRICE_OUT_OF_RANGE'],
    ['a service listed twice', (l) => [...l, l[0]!], 'DUPLICATE_SERVICE'],
    ['a service not on the menu', (l) => [...l, { ...l[0]!, serviceId: 9999 }], 'SERVICE_NOT_OFFERED'],
    ['a time one millisecond ago', (l) => l, 'EFFECTIVE_TIME_PAST', -1],
  ]
  it.each(cases)('%s', async (_, change, code, offsetMs = 60_000) => {
    const items = change(await currentLines(1))
    const before = await counts()
    const res = await publish(app, admin1, 1, { effectiveFrom: iso(nowMs + offsetMs), items })
    expect(res.status).toBe(400)
    expect(res.body.error).toMatchObject({ code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) })
    expect(await counts()).toEqual(before)
  })

  it('a service whose category the station has no hours for is one it does not offer', async () => {
    const [station] = await query<{ id: number }>(app, sql`SELECT s.id FROM stations s WHERE NOT EXISTS (SELECT 1 FROM capacity_rules r WHERE r.station_id = s.id AND r.category = 'bathing') ORDER BY s.id LIMIT 1`)
    const [bathing] = await query<{ id: number }>(app, sql`SELECT id FROM services WHERE category = 'bathing' LIMIT 1`)
    expect(station).toBeDefined()
    const token = await app.login(adminPhone(Number(station!.id)))
    const items = [...(await currentLines(Number(station!.id))), { serviceId: Number(bathing!.id), unit: '次', content: '上门助浴', paidFen: 6000, lowFen: 3000, freeFen: 0 }]
    const before = await counts()
    const res = await publish(app, token, Number(station!.id), { effectiveFrom: iso(nowMs + 60_000), items })
    expect(res.status).toBe(400)
    expect(res.body.error).toMatchObject({ code: 'SERVICE_NOT_OFFERED', message: expect.stringContaining('服务时间'), details: { itemIndex: items.length - 1 } })
    expect(await counts()).toEqual(before)
  })

  it('the database itself refuses prices out of tier order (CHECK price_items_tier_order)', async () => {
    const [v] = await query<{ id: number }>(app, sql`SELECT id FROM price_versions WHERE station_id = 1 LIMIT 1`)
    for (const [paid, low, free] of [[100, 200, 0], [100, 50, 60], [100, 50, -1], [1_000_001, 0, 0]]) {
      const refused = await query(app, sql`INSERT INTO price_items (price_version_id, service_id, content, paid_fen, low_fen, free_fen) VALUES (${v!.id}, 99, 'x', ${paid}, ${low}, ${free})`).then(() => null, (e) => String(e.cause?.message))
      expect(refused).toMatch(/price_items_tier_order/)
    }
  })
})

describe('an effective time outside the years 2000–2099 (business time) is a 400 on create, edit and publish', () => {
  // 9999-12-31T16:00:00Z is 10000-01-01 in Shanghai; 2099-12-31T16:00:00Z is 2100-01-01: neither is a board anyone reads.
  // Station 3's own drafts: the other tests read station 1's newest draft.
  let admin3: string
  beforeAll(async () => {
    admin3 = await app.login(adminPhone(3))
  })
  const BAD = ['9999-12-31T23:59:59-12:00', '0000-01-01T00:00:00+08:00', '9999-12-31T16:00:00Z', '2099-12-31T16:00:00Z', '1999-12-31T15:59:59Z']
  it.each(BAD)('%s', async (effectiveFrom) => {
    const items = await currentLines(3)
    const draft = await publish(app, admin3, 3, { effectiveFrom: iso(nowMs + 86_400_000), items, draft: true }).expect(201)
    const path = `/api/stations/3/price-versions/${draft.body.id}`
    const before = await counts()
    const answers = [
      await publish(app, admin3, 3, { effectiveFrom, items }),
      await publish(app, admin3, 3, { effectiveFrom, items, draft: true }),
      await app.request.put(path).set(bearer(admin3)).send({ effectiveFrom, items }),
      await app.request.post(`${path}/publish`).set(bearer(admin3)).send({ effectiveFrom }),
    ]
    for (const res of answers) {
      expectError(res, 400, 'VALIDATION_FAILED')
      expect(res.body.error.message).toMatch(/生效时间.*2000.*2099/)
    }
    expect(await counts()).toEqual(before)
    const kept = (await app.request.get('/api/stations/3/price-versions').set(bearer(admin3)).expect(200)).body.versions.find((v: { id: number }) => v.id === draft.body.id)
    expect(kept).toMatchObject({ status: 'draft', effectiveFrom: draft.body.effectiveFrom })
  })

  it('the last instant of 2099 in Shanghai is a time a draft may name; without an offset it is refused', async () => {
    const items = await currentLines(3)
    const ok = await publish(app, admin3, 3, { effectiveFrom: '2099-12-31T23:59:59+08:00', items, draft: true }).expect(201)
    expect(ok.body.effectiveFrom).toBe('2099-12-31T23:59:59+08:00')
    expectError(await publish(app, admin3, 3, { effectiveFrom: '2027-01-01T00:00:00', items, draft: true }), 400, 'VALIDATION_FAILED')
  })
})

describe('drafts', () => {
  it('are kept and edited by the admin, shown to nobody else, never quoted; published once, then immutable; each step audited', async () => {
    const elderPaid = await app.login(DEMO_PHONES.elderPaid)
    const quote = async () => (await app.request.post('/api/quotes').set(bearer(elderPaid)).send({ elderId: 3, serviceId: CLEANING, slotStart: SLOT }).expect(200)).body
    const before = await quote()
    const station = before.route.stationId as number
    const admin = await app.login(adminPhone(station))
    const lines = await currentLines(station)
    const raised = lines.map((l) => (l.serviceId === CLEANING ? { ...l, paidFen: l.paidFen + 500 } : l))

    // A draft effective "now" is still not quoted, nor on the public board or history.
    const draft = await publish(app, admin, station, { effectiveFrom: iso(nowMs), items: raised, draft: true })
    expect(draft.status).toBe(201)
    expect(draft.body).toMatchObject({ status: 'draft', publishedAt: null, inForce: false })
    expect(draft.body.changes).toEqual([expect.objectContaining({ serviceId: CLEANING, kind: 'changed', text: expect.stringContaining('标准价') })])
    expect((await quote()).price).toEqual(before.price)
    const publicIds = (await app.request.get(`/api/stations/${station}/price-versions`).expect(200)).body.versions.map((v: { id: number }) => v.id)
    expect(publicIds).not.toContain(draft.body.id)
    const own = (await app.request.get(`/api/stations/${station}/price-versions`).set(bearer(admin)).expect(200)).body.versions
    expect(own[0]).toMatchObject({ id: draft.body.id, status: 'draft' })

    // Edited (whole replacement), with the same checks as a publication.
    const path = `/api/stations/${station}/price-versions/${draft.body.id}`
    const edited = await app.request.put(path).set(bearer(admin)).send({ effectiveFrom: iso(nowMs + 3_600_000), items: [...raised.slice(1), raised[0]!], note: '年中调价' }).expect(200)
    expect(edited.body).toMatchObject({ status: 'draft', note: '年中调价' })
    const bad = await app.request.put(path).set(bearer(admin)).send({ effectiveFrom: iso(nowMs), items: [raised[1]!, { ...raised[0]!, lowFen: raised[0]!.paidFen + 1 }] })
    expect({ status: bad.status, error: bad.body.error }).toMatchObject({ status: 400, error: { code: 'PRICE_TIERS_OUT_OF_ORDER', details: { itemIndex: 1 } } })
    expectError(await app.request.put(path).set(bearer(await app.login(adminPhone(station === 1 ? 2 : 1)))).send({ effectiveFrom: iso(nowMs), items: raised }), 403, 'FORBIDDEN')

    // Published: a time in the past is refused; then it is public, in the history, and can never change again.
    expectError(await app.request.post(`${path}/publish`).set(bearer(admin)).send({ effectiveFrom: iso(nowMs - 1000) }), 400, 'EFFECTIVE_TIME_PAST')
    const eff = Date.parse('2026-12-15T00:00:00+08:00')
    const published = await app.request.post(`${path}/publish`).set(bearer(admin)).send({ effectiveFrom: iso(eff), confirmWaiting: await waitingIds(station) }).expect(200)
    expect(published.body).toMatchObject({ status: 'published', effectiveFrom: '2026-12-15T00:00:00+08:00', publishedAt: expect.any(String), inForce: false })
    expectError(await app.request.post(`${path}/publish`).set(bearer(admin)).send({ effectiveFrom: iso(eff) }), 409, 'PRICE_VERSION_PUBLISHED')
    expectError(await app.request.put(path).set(bearer(admin)).send({ effectiveFrom: iso(eff), items: lines }), 409, 'PRICE_VERSION_PUBLISHED')
    const history = (await app.request.get(`/api/stations/${station}/price-board?history=1`).expect(200)).body.history
    expect(history.map((v: { id: number }) => v.id)).toContain(draft.body.id)
    const audit = await query<{ action: string }>(app, sql`SELECT action FROM audit_log WHERE entity = 'price_version' AND entity_id = ${draft.body.id} ORDER BY id`)
    expect(audit.map((a) => a.action)).toEqual(['price.draft', 'price.draft_edit', 'price.publish'])
  })
})

describe('publishing before a version that is already waiting for its time', () => {
  it('answers 409 WAITING_VERSIONS with each waiting version and what it will change, until the admin confirms exactly those', async () => {
    const station = 5
    const admin = await app.login(adminPhone(station))
    const lines = await currentLines(station)
    const priced = (paidFen: number) => [{ ...lines[0]!, paidFen, lowFen: Math.min(lines[0]!.lowFen, paidFen), freeFen: Math.min(lines[0]!.freeFen, paidFen) }, ...lines.slice(1)]
    const base = lines[0]!.paidFen
    const jan = '2027-01-01T00:00:00+08:00'
    const waiting = await publish(app, admin, station, { effectiveFrom: jan, items: priced(base + 1000) }).expect(201)

    // Published "now": the January version would read as a change from these new prices; nobody had said so.
    const soon = iso(nowMs + 60_000)
    const before = await counts()
    const refused = await publish(app, admin, station, { effectiveFrom: soon, items: priced(base + 500) })
    expect(refused.status).toBe(409)
    expect(refused.body.error).toMatchObject({ code: 'WAITING_VERSIONS', message: expect.stringMatching(/2027年1月1日.*确认/) })
    expect(refused.body.error.details).toEqual({
      waiting: [{ id: waiting.body.id, effectiveFrom: jan, changes: [expect.objectContaining({ serviceId: lines[0]!.serviceId, kind: 'changed', text: expect.stringContaining(`标准价 ¥${formatYuan(base + 500)} → ¥${formatYuan(base + 1000)}`) })] }],
    })
    expect(await counts()).toEqual(before)
    // A list that is not exactly what waits is not a confirmation; a draft is never asked.
    expect((await publish(app, admin, station, { effectiveFrom: soon, items: priced(base + 500), confirmWaiting: [] })).status).toBe(409)
    expect((await publish(app, admin, station, { effectiveFrom: soon, items: priced(base + 500), confirmWaiting: [waiting.body.id + 1000] })).status).toBe(409)
    await publish(app, admin, station, { effectiveFrom: soon, items: priced(base + 500), draft: true }).expect(201)
    const now = await publish(app, admin, station, { effectiveFrom: soon, items: priced(base + 500), confirmWaiting: [waiting.body.id] }).expect(201)
    expect(now.body).toMatchObject({ status: 'published', effectiveFrom: toBusinessIso(new Date(nowMs + 60_000)) })

    // A time after every waiting version needs no confirmation; publishing a draft before both lists both, in order.
    const feb = '2027-02-01T00:00:00+08:00'
    const later = await publish(app, admin, station, { effectiveFrom: feb, items: priced(base + 2000) }).expect(201)
    const draft = (await app.request.get(`/api/stations/${station}/price-versions`).set(bearer(admin)).expect(200)).body.versions.find((v: { status: string }) => v.status === 'draft')
    const path = `/api/stations/${station}/price-versions/${draft.id}/publish`
    const again = await app.request.post(path).set(bearer(admin)).send({ effectiveFrom: '2026-12-20T00:00:00+08:00' })
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('WAITING_VERSIONS')
    const listed = again.body.error.details.waiting as { id: number; effectiveFrom: string; changes: { text: string }[] }[]
    expect(listed.map((w) => [w.id, w.effectiveFrom])).toEqual([[waiting.body.id, jan], [later.body.id, feb]])
    expect(listed[1]!.changes[0]!.text).toContain(`¥${formatYuan(base + 1000)} → ¥${formatYuan(base + 2000)}`)
    const half = await app.request.post(path).set(bearer(admin)).send({ effectiveFrom: '2026-12-20T00:00:00+08:00', confirmWaiting: [waiting.body.id] })
    expect([half.status, half.body.error.code]).toEqual([409, 'WAITING_VERSIONS'])
    await app.request.post(path).set(bearer(admin)).send({ effectiveFrom: '2026-12-20T00:00:00+08:00', confirmWaiting: [later.body.id, waiting.body.id] }).expect(200)
  })
})

describe('the history', () => {
  it('lists every published version with its dates and what changed, newest first; the board shows the one in force', async () => {
    const res = await app.request.get('/api/stations/1/price-versions').expect(200)
    const versions = res.body.versions as { id: number; effectiveFrom: string; inForce: boolean; changes: { kind: string }[] }[]
    expect(versions.length).toBeGreaterThanOrEqual(3)
    const sorted = [...versions].sort((a, b) => Date.parse(b.effectiveFrom) - Date.parse(a.effectiveFrom))
    expect(versions.map((v) => v.effectiveFrom)).toEqual(sorted.map((v) => v.effectiveFrom))
    expect(versions.at(-1)!.changes).toEqual([])
    expect(versions.filter((v) => v.inForce)).toHaveLength(1)
    const board = await app.request.get('/api/stations/1/price-board').expect(200)
    expect(board.body.version.id).toBe(versions.find((v) => v.inForce)!.id)
    expect(board.body.history).toBeUndefined()
    expectError(await app.request.get('/api/stations/1/price-board?history=yes'), 400, 'VALIDATION_FAILED')
    expectError(await app.request.get('/api/stations/99999/price-versions'), 404, 'NOT_FOUND')
  })
})

describe('switching at the effective instant on every process', () => {
  it('a version effective one second ahead is quoted on both sides of that second by two processes; a booked order keeps its version', async () => {
    await withTestApp({ ...SHARED, db: app.testDb }, async (second) => {
      const elderPaid = await app.login(DEMO_PHONES.elderPaid)
      const quoteOn = async (target: TestApp) => (await target.request.post('/api/quotes').set(bearer(elderPaid)).send({ elderId: 3, serviceId: CLEANING, slotStart: SLOT }).expect(200)).body.price
      // Both processes have the board in memory now.
      const old = await quoteOn(app)
      expect(await quoteOn(second)).toEqual(old)
      const station = (await app.request.post('/api/quotes').set(bearer(elderPaid)).send({ elderId: 3, serviceId: CLEANING, slotStart: SLOT })).body.route.stationId
      const order = await book(app, elderPaid, { elderId: 3, serviceId: CLEANING, slotStart: SLOT })
      expect(order.status).toBe(201)

      const admin = await app.login(adminPhone(station))
      const items = (await currentLines(station)).map((l) => (l.serviceId === CLEANING ? { ...l, paidFen: 9900, lowFen: 4900, freeFen: 0 } : l))
      const effective = nowMs + 1000
      const res = await publish(app, admin, station, { effectiveFrom: iso(effective), items, confirmWaiting: await waitingIds(station) })
      expect(res.status).toBe(201)
      const [audit] = await query(app, sql`SELECT action, actor_user_id FROM audit_log WHERE entity = 'price_version' AND entity_id = ${res.body.id}`)
      expect(audit).toMatchObject({ action: 'price.publish' })

      // Just before the second: the old version, on both processes.
      nowMs = effective - 1
      for (const target of [app, second]) expect(await quoteOn(target)).toMatchObject({ priceVersionId: old.priceVersionId, listPriceFen: old.listPriceFen })
      // From that instant: the new one, on both (the second process heard of it through the broadcast, well within its 5 s re-check).
      nowMs = effective
      for (const target of [app, second]) expect(await quoteOn(target)).toMatchObject({ priceVersionId: res.body.id, listPriceFen: 9900, payableFen: 9900 })
      const board = await second.request.get(`/api/stations/${station}/price-board`).expect(200)
      expect(board.body.version.id).toBe(res.body.id)

      // The order booked before keeps the version and the price it was quoted at.
      const kept = await app.request.get(`/api/orders/${order.body.id}`).set(bearer(elderPaid)).expect(200)
      expect(kept.body.price).toMatchObject({ priceVersionId: old.priceVersionId, listPriceFen: old.listPriceFen, payableFen: old.payableFen })
    })
  })
})
