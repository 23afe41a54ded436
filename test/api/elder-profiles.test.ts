/**
 * A parent without WeChat (issue 9 §2): a relative creates the profile, it is pending (no quote, no order) until
 * a station worker whose circle covers the home — or a supervisor — has seen the elder; staff find elders by name
 * or the phone's last 4 digits, only inside their own circle.
 */
import { sql } from 'drizzle-orm'
import { startTestApp, withTestApp, bearer, type TestApp } from '../helpers/test-app'
import { expectError } from '../helpers/expect-error'
import { book, CLEANING, NOW, SLOT, query } from '../helpers/booking'
import { DEMO_PHONES } from '../../server/src/seed/seed-demo'
import { stationCovers } from '../../server/src/access/elder-access'

let now = NOW
let app: TestApp
const t: Record<string, string> = {}
let home: { lat: number; lng: number }
beforeAll(async () => {
  app = await startTestApp({ clock: () => now })
  for (const [k, phone] of Object.entries(DEMO_PHONES)) t[k] = await app.login(phone)
  const [s] = await query<{ lat: number; lng: number }>(app, sql`SELECT lat, lng FROM stations WHERE id = 1`)
  home = { lat: s.lat + 0.001, lng: s.lng }
})
afterAll(() => app?.close())

let seq = 0
const profile = (over: Record<string, unknown> = {}) => ({
  name: `赵桂芝${++seq}`, birthDate: '1944-03-15', phone: `1310000${String(1000 + seq)}`, address: '江阳区兴隆小区 3 栋 2 单元 501',
  home, emergencyContact: { name: '赵强', phone: '13900000002' }, relation: '子女', ...over,
})
const create = (token: string, body: Record<string, unknown>) => app.request.post('/api/family/elders').set(bearer(token)).send(body)
const confirm = (token: string, id: number) => app.request.post(`/api/elders/${id}/confirm`).set(bearer(token)).send({})
const search = (token: string, q: string) => app.request.get(`/api/elders${q}`).set(bearer(token))
const quote = (token: string, elderId: number) => app.request.post('/api/quotes').set(bearer(token)).send({ elderId, serviceId: CLEANING, slotStart: SLOT })
const ids = (res: { body: { elders: { id: number }[] } }) => res.body.elders.map((e) => e.id)
let relativeSeq = 0
/** A new relative (first WeChat login) with a token. */
async function newRelative(on: TestApp = app): Promise<string> {
  const phone = `1390002${String(relativeSeq++).padStart(4, '0')}`
  await query(app, sql`INSERT INTO users (role, name, phone) VALUES ('family', '建档家属', ${phone})`)
  return on.login(phone)
}

describe('a relative creates a parent’s profile', () => {
  it('pending, unverified paid tier, bound to its creator, audited; /api/me lists it as pending', async () => {
    const p = profile()
    const res = await create(t.familyUnbound, p)
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ status: 'pending', tier: 'paid', tierVerified: false, home: { lat: home.lat, lng: home.lng } })
    const [row] = await query(app, sql`SELECT user_id AS userId, created_by AS createdBy, emergency_name AS en, emergency_phone AS ep, phone_last4 AS last4 FROM elders WHERE id = ${res.body.id}`)
    const [{ id: creator }] = await query(app, sql`SELECT id FROM users WHERE phone = ${DEMO_PHONES.familyUnbound}`)
    expect(row).toEqual({ userId: null, createdBy: creator, en: '赵强', ep: '13900000002', last4: p.phone.slice(-4) })
    const links = await query(app, sql`SELECT relation, invitation_id AS inv, revoked_at AS revoked FROM family_links WHERE elder_id = ${res.body.id}`)
    expect(links).toEqual([{ relation: '子女', inv: null, revoked: null }])
    const [audit] = await query(app, sql`SELECT actor_user_id AS actor FROM audit_log WHERE action = 'elder.profile_created' AND entity_id = ${res.body.id}`)
    expect(audit.actor).toBe(creator)
    const me = (await app.request.get('/api/me').set(bearer(t.familyUnbound)).expect(200)).body
    expect(me.elders).toContainEqual(expect.objectContaining({ id: res.body.id, status: 'pending' }))
    const listed = (await app.request.get('/api/family/bindings').set(bearer(t.familyUnbound)).expect(200)).body.bindings
    expect(listed).toContainEqual(expect.objectContaining({ elder: { id: res.body.id, name: res.body.name, status: 'pending' }, via: 'profile' }))
  })

  it('only a relative creates one; missing or bad fields are a 400 in Chinese', async () => {
    for (const who of [t.elderFree, t.staffStation1, t.supervisor]) expectError(await create(who, profile()), 403, 'FORBIDDEN')
    expectError(await create(t.family, profile({ emergencyContact: undefined })), 400, 'VALIDATION_FAILED')
    expectError(await create(t.family, profile({ home: { lat: 200, lng: 0 } })), 400, 'VALIDATION_FAILED')
    for (const birthDate of ['1944-02-30', '1899-12-31', '2026-11-24', '15/03/1944']) expectError(await create(t.family, profile({ birthDate })), 400, 'VALIDATION_FAILED')
  })

  it('quotes and orders for a pending profile are refused with what to do', async () => {
    const { id } = (await create(t.family, profile())).body
    const q = await quote(t.family, id)
    expectError(q, 409, 'ELDER_PENDING')
    expect(q.body.error.message).toContain('驿站工作人员上门确认')
    expectError(await book(app, t.family, { elderId: id, serviceId: CLEANING, slotStart: SLOT }), 409, 'ELDER_PENDING')
  })
})

describe('confirming in person', () => {
  it('staff of a station whose circle covers the home confirm it: recorded, audited, the relative told; then it can be booked', async () => {
    const { id } = (await create(t.family, profile())).body
    const index = await app.deps.stationIndex.get()
    expect(stationCovers(index, 2, { homeLat: home.lat, homeLng: home.lng })).toBe(false)
    expectError(await confirm(t.staffStation2, id), 404, 'ELDER_NOT_FOUND')
    for (const who of [t.family, t.elderFree]) expectError(await confirm(who, id), 403, 'FORBIDDEN')
    now = new Date(NOW.getTime() + 60_000)
    const res = await confirm(t.staffStation1, id)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ id, status: 'active', tier: 'paid', tierVerified: false })
    const [row] = await query(app, sql`SELECT confirmed_by AS confirmedBy, confirmed_at AS confirmedAt FROM elders WHERE id = ${id}`)
    expect(row).toEqual({ confirmedBy: 1011, confirmedAt: '2026-11-23 00:01:00.000' }) // UTC, the minute it was confirmed
    const [audit] = await query(app, sql`SELECT actor_user_id AS actor FROM audit_log WHERE action = 'elder.confirmed' AND entity_id = ${id}`)
    expect(audit.actor).toBe(1011)
    const notices = await query(app, sql`SELECT title FROM notifications WHERE user_id = 9001 AND entity = 'elder' AND entity_id = ${id}`)
    expect(notices).toEqual([{ title: '老人资料已确认' }])
    expectError(await confirm(t.supervisor, id), 409, 'ILLEGAL_TRANSITION')
    now = NOW
    expect((await quote(t.family, id)).status).toBe(200)
    expect((await book(app, t.family, { elderId: id, serviceId: CLEANING, slotStart: SLOT })).status).toBe(201)
  })

  it('a supervisor confirms any profile', async () => {
    const { id } = (await create(t.familyUnbound, profile({ home: { lat: 28.5, lng: 105.0 } }))).body
    expect((await confirm(t.supervisor, id)).body.status).toBe('active')
  })
})

describe('finding an elder', () => {
  it('staff find pending profiles, names and last-4 digits inside their circle only; phones masked', async () => {
    const p = profile()
    const { id } = (await create(t.family, p)).body
    const pending = await search(t.staffStation1, '?status=pending').expect(200)
    expect(ids(pending)).toContain(id)
    expect(pending.body.elders.every((e: { status: string }) => e.status === 'pending')).toBe(true)
    const item = pending.body.elders.find((e: { id: number }) => e.id === id)
    expect(item).toMatchObject({ name: p.name, phone: `${p.phone.slice(0, 3)}****${p.phone.slice(-4)}`, age: 82, confirmedAt: null, tierVerified: false })
    expect(ids(await search(t.staffStation1, `?q=${encodeURIComponent(p.name.slice(1))}`).expect(200))).toEqual([id])
    expect(ids(await search(t.adminStation1, `?q=${p.phone.slice(-4)}`).expect(200))).toContain(id)
    expect(ids(await search(t.staffStation2, '?status=pending').expect(200))).not.toContain(id)
    expect(ids(await search(t.staffStation2, `?q=${p.phone.slice(-4)}`).expect(200))).not.toContain(id)
    expect(ids(await search(t.supervisor, `?q=${p.phone.slice(-4)}`).expect(200))).toContain(id)
    expect(ids(await search(t.staffStation1, '?q=%25'))).toEqual([]) // a % is a character, not a wildcard
  })

  it('every staff answer lies inside the station’s circle; at most 50; elders and relatives may not search', async () => {
    const index = await app.deps.stationIndex.get()
    const homes = await query<{ id: number; homeLat: number; homeLng: number }>(app, sql`SELECT id, home_lat AS homeLat, home_lng AS homeLng FROM elders`)
    const inside = homes.filter((e) => stationCovers(index, 1, e)).map((e) => e.id)
    const got = ids(await search(t.staffStation1, '').expect(200))
    expect(got.length).toBe(Math.min(50, inside.length))
    for (const id of got) expect(inside).toContain(id)
    expect(homes.length).toBeGreaterThan(50)
    expect(ids(await search(t.supervisor, '').expect(200))).toHaveLength(50)
    for (const who of [t.elderFree, t.family]) expectError(await search(who, ''), 403, 'FORBIDDEN')
    expectError(await search(t.supervisor, '?status=gone'), 400, 'VALIDATION_FAILED')
  })
})

describe('a flood of profiles (issue 15 #6)', () => {
  it('20 at once by one relative with a limit of 5 a day: exactly 5 are made, the rest told in words to come back tomorrow', async () => {
    await withTestApp({ db: app.testDb, clock: () => now, env: { RATE_LIMIT_PREFIX: `cc:test:profiles:${Date.now()}`, RATE_LIMIT_ELDER_PROFILES_PER_ACCOUNT: '5' } }, async (limited) => {
      const token = await newRelative(limited)
      const all = await Promise.all(Array.from({ length: 20 }, () => limited.request.post('/api/family/elders').set(bearer(token)).send(profile())))
      expect([all.filter((r) => r.status === 201).length, all.filter((r) => r.status === 429).length]).toEqual([5, 15])
      const refused = all.find((r) => r.status === 429)!
      expectError(refused, 429, 'RATE_LIMITED')
      expect(refused.body.error.message).toBe('今天已经建了 5 位老人的资料，请明天再试。已建的资料等驿站上门确认后就能预约')
      expect(refused.body.error.message).not.toMatch(/秒/)
      expect((await limited.request.post('/api/family/elders').set(bearer(await newRelative(limited))).send(profile())).status).toBe(201)
    })
  })

  it('the staff’s pending list pages with a cursor: 120 pending profiles, every one reachable past 50, none twice', async () => {
    const made: number[] = []
    for (let r = 0; r < 4; r++) {
      const token = await newRelative()
      for (let i = 0; i < 30; i++) made.push((await create(token, profile()).expect(201)).body.id)
    }
    for (const who of [t.staffStation1, t.supervisor]) {
      const seen: number[] = []
      let cursor: string | null = null
      let pages = 0
      do {
        const res = await search(who, `?status=pending${cursor ? `&cursor=${cursor}` : ''}`)
        expect(res.status).toBe(200)
        expect(res.body.elders.length).toBeLessThanOrEqual(50)
        seen.push(...ids(res))
        cursor = res.body.nextCursor
        pages++
      } while (cursor && pages < 20)
      expect(new Set(seen).size).toBe(seen.length)
      expect(seen).toEqual(expect.arrayContaining(made))
      expect(pages).toBeGreaterThanOrEqual(3)
    }
    const small = await search(t.supervisor, '?status=pending&limit=7')
    expect(small.body.elders).toHaveLength(7)
    const next = await search(t.supervisor, `?status=pending&limit=7&cursor=${small.body.nextCursor}`)
    expect(Math.max(...ids(next))).toBeLessThan(Math.min(...ids(small)))
    for (const bad of ['?cursor=abc', '?limit=0', '?limit=101']) expectError(await search(t.supervisor, bad), 400, 'VALIDATION_FAILED')
  })
})
