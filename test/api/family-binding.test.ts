/**
 * Binding with the elder's consent (issue 9 §1): invitation → redemption → listing from both sides → revocation,
 * with a clock the test moves. Against the real database; rate limits are in family-bind-limits.test.ts.
 */
import crypto from 'node:crypto'
import { sql } from 'drizzle-orm'
import { INVITATION_TTL_HOURS } from '@carecircle/shared'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { expectError } from '../helpers/expect-error'
import { book, CLEANING, NOW, SLOT, query } from '../helpers/booking'
import { DEMO_PHONES } from '../../server/src/seed/seed-demo'
import { stationCovers } from '../../server/src/access/elder-access'

const HOUR = 3_600_000
let now = NOW
let app: TestApp
const t: Record<string, string> = {}
beforeAll(async () => {
  app = await startTestApp({ clock: () => now })
  for (const [k, phone] of Object.entries(DEMO_PHONES)) t[k] = await app.login(phone)
})
beforeEach(() => (now = NOW))
afterAll(() => app?.close())

let phoneSeq = 50
/** A new family account (a relative logging in with WeChat for the first time). */
async function newRelative(): Promise<{ token: string; userId: number }> {
  const phone = `139000000${phoneSeq++}`
  await query(app, sql`INSERT INTO users (role, name, phone) VALUES ('family', ${`家属${phoneSeq}`}, ${phone})`)
  const [{ id }] = await query<{ id: number }>(app, sql`SELECT id FROM users WHERE phone = ${phone}`)
  return { token: await app.login(phone), userId: Number(id) }
}
const invite = (token: string, body: Record<string, unknown> = {}) => app.request.post('/api/family/invitations').set(bearer(token)).send(body)
const bind = (token: string, code: string, relation = '子女') => app.request.post('/api/family/bindings').set(bearer(token)).send({ code, relation })
const live = (token: string, q = '') => app.request.get(`/api/family/invitations/live${q}`).set(bearer(token))
const bindings = (token: string, q = '') => app.request.get(`/api/family/bindings${q}`).set(bearer(token))
const revoke = (token: string, id: number) => app.request.delete(`/api/family/bindings/${id}`).set(bearer(token))
const meElders = async (token: string) => (await app.request.get('/api/me').set(bearer(token)).expect(200)).body.elders.map((e: { id: number }) => e.id)
const audit = (action: string) => query(app, sql`SELECT actor_user_id AS actor, entity, entity_id AS entityId, detail FROM audit_log WHERE action = ${action} ORDER BY id`)
const detailOf = (row: { detail: unknown }) => (typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail)

describe('an invitation', () => {
  it('the elder makes one for themself: 6 digits, 24 hours, the QR opens the bind page with the code; audited', async () => {
    const res = await invite(t.elderFree)
    expect(res.status).toBe(201)
    expect(res.body).toEqual({
      code: expect.stringMatching(/^\d{6}$/), expiresAt: '2026-11-24T08:00:00+08:00',
      qrPayload: `pages/family/bind/index?code=${res.body.code}`, elder: { id: 1, name: '王秀英' },
    })
    const [row] = await query(app, sql`SELECT created_by_role AS role, live_code AS live FROM family_invitations WHERE code = ${res.body.code} AND used_at IS NULL`)
    expect(row).toEqual({ role: 'elder', live: res.body.code })
    expect((await audit('family.invitation_created')).at(-1)).toMatchObject({ entity: 'elder', entityId: 1 })
    expect(JSON.stringify((await audit('family.invitation_created')).map(detailOf))).not.toContain(res.body.code)
  })

  it('an elder cannot invite for someone else, a relative cannot invite, staff must name the elder', async () => {
    expectError(await invite(t.elderFree, { elderId: 2 }), 404, 'ELDER_NOT_FOUND')
    expect((await invite(t.elderFree, { elderId: 1 })).status).toBe(201)
    expectError(await invite(t.family, { elderId: 1 }), 403, 'FORBIDDEN')
    expectError(await invite(t.staffStation1), 400, 'VALIDATION_FAILED')
  })

  it('staff inside the circle and a supervisor make one for the elder in person (recorded); staff of another station cannot', async () => {
    const index = await app.deps.stationIndex.get()
    const [home] = await query<{ homeLat: number; homeLng: number }>(app, sql`SELECT home_lat AS homeLat, home_lng AS homeLng FROM elders WHERE id = 1`)
    expect(stationCovers(index, 1, home)).toBe(true)
    expect(stationCovers(index, 2, home)).toBe(false)
    const byStaff = await invite(t.staffStation1, { elderId: 1 })
    expect(byStaff.status).toBe(201)
    const bySupervisor = await invite(t.supervisor, { elderId: 4 })
    expect(bySupervisor.status).toBe(201)
    const roles = await query(app, sql`SELECT code, created_by_role AS role FROM family_invitations WHERE code IN (${byStaff.body.code}, ${bySupervisor.body.code})`)
    expect(Object.fromEntries(roles.map((r) => [r.code, r.role]))).toEqual({ [byStaff.body.code]: 'staff', [bySupervisor.body.code]: 'supervisor' })
    expectError(await invite(t.staffStation2, { elderId: 1 }), 404, 'ELDER_NOT_FOUND')
    expectError(await invite(t.staffStation1, { elderId: 4 }), 404, 'ELDER_NOT_FOUND') // outside every circle
  })

  it('one live code per elder: a new one is made only on request, and retires the one before', async () => {
    const codes: string[] = []
    for (let i = 0; i < 2; i++) codes.push((await invite(t.elderPaid)).body.code)
    const live = await query(app, sql`SELECT code FROM family_invitations WHERE elder_id = 3 AND live_code IS NOT NULL ORDER BY id`)
    expect(live.map((r) => r.code)).toEqual(codes.slice(1))
    const relative = await newRelative()
    expectError(await bind(relative.token, codes[0]), 400, 'INVITATION_INVALID')
    expect((await bind(relative.token, codes[1])).status).toBe(201)
  })

  it('digits held by an expired invitation are retired and issued again; digits held by a live one are drawn again', async () => {
    await query(app, sql`INSERT INTO family_invitations (elder_id, code, created_by, created_by_role, expires_at) VALUES (2, '123456', 5002, 'elder', '2026-11-20 00:00:00')`)
    const draws = jest.spyOn(crypto, 'randomInt') as unknown as jest.SpyInstance<number, [number, number]>
    draws.mockReturnValueOnce(123456).mockReturnValueOnce(123456).mockReturnValueOnce(7)
    try {
      expect((await invite(t.elderLow)).body.code).toBe('123456')
      expect((await invite(t.elderFree)).body.code).toBe('000007')
    } finally {
      draws.mockRestore()
    }
    const rows = await query(app, sql`SELECT retired_at IS NOT NULL AS retired, live_code AS live FROM family_invitations WHERE code = '123456' ORDER BY id`)
    expect(rows.map((r) => [Number(r.retired), r.live])).toEqual([[1, null], [0, '123456']])
  })
})

describe('the live code (邀请家人 opened again)', () => {
  it('reads the same code on every opening until it is used; a new one only when asked for', async () => {
    const { code } = (await invite(t.elderPaid)).body
    for (let i = 0; i < 4; i++) expect((await live(t.elderPaid)).body).toEqual({ invitation: expect.objectContaining({ code, qrPayload: `pages/family/bind/index?code=${code}` }), elder: { id: 3, name: expect.any(String) } })
    const fresh = (await invite(t.elderPaid)).body.code
    expect((await live(t.elderPaid)).body.invitation.code).toBe(fresh)
    expect((await bind((await newRelative()).token, fresh)).status).toBe(201)
    expect((await live(t.elderPaid)).body.invitation).toBeNull()
  })

  it('an expired code is no longer shown', async () => {
    const { code, expiresAt } = (await invite(t.elderLow)).body
    expect((await live(t.elderLow)).body.invitation).toMatchObject({ code, expiresAt })
    now = new Date(NOW.getTime() + INVITATION_TTL_HOURS * HOUR)
    expect((await live(t.elderLow)).body.invitation).toBeNull()
  })

  it('whoever may make the code may read it (the elder, staff of the circle, a supervisor); nobody else', async () => {
    const { code } = (await invite(t.staffStation1, { elderId: 1 })).body
    expect((await live(t.elderFree)).body.invitation.code).toBe(code)
    expect((await live(t.staffStation1, '?elderId=1')).body.invitation.code).toBe(code)
    expect((await live(t.supervisor, '?elderId=1')).body.invitation.code).toBe(code)
    expectError(await live(t.staffStation2, '?elderId=1'), 404, 'ELDER_NOT_FOUND')
    expectError(await live(t.elderLow, '?elderId=1'), 404, 'ELDER_NOT_FOUND')
    expectError(await live(t.family, '?elderId=1'), 403, 'FORBIDDEN')
    expectError(await live(t.staffStation1), 400, 'VALIDATION_FAILED')
    expectError(await live(t.supervisor, '?elderId=x'), 400, 'VALIDATION_FAILED')
  })
})

describe('redeeming a code', () => {
  it('binds the relative with the elder’s consent: in /api/me, the elder is told, the code is used, audited', async () => {
    const relative = await newRelative()
    const { code } = (await invite(t.elderFree)).body
    const res = await bind(relative.token, code, '孙辈')
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ elder: { id: 1, name: '王秀英', status: 'active' }, relation: '孙辈', via: 'invitation', consentedAt: '2026-11-23T08:00:00+08:00' })
    expect(res.body.family.phone).toMatch(/^139\*{4}\d{4}$/)
    expect(await meElders(relative.token)).toEqual([1])
    const [inv] = await query(app, sql`SELECT used_by AS usedBy, used_at IS NOT NULL AS used, live_code AS live FROM family_invitations WHERE code = ${code} ORDER BY id DESC LIMIT 1`)
    expect({ ...inv, used: Number(inv.used) }).toEqual({ usedBy: relative.userId, used: 1, live: null })
    const [link] = await query(app, sql`SELECT invitation_id AS inv, consented_at IS NOT NULL AS consented FROM family_links WHERE id = ${res.body.id}`)
    expect(Number(link.consented)).toBe(1)
    expect(link.inv).not.toBeNull()
    const notices = await query(app, sql`SELECT entity, entity_id AS entityId, title FROM notifications WHERE user_id = 5001 AND entity = 'family_link' AND entity_id = ${res.body.id}`)
    expect(notices).toEqual([{ entity: 'family_link', entityId: res.body.id, title: '有家人绑定了您' }])
    expect((await audit('family.bound')).at(-1)).toMatchObject({ actor: relative.userId, entity: 'family_link', entityId: res.body.id })
  })

  it('wrong, used and expired codes all get the same answer; refusals are audited without the digits', async () => {
    const [a, b] = [await newRelative(), await newRelative()]
    const used = (await invite(t.elderLow)).body.code
    expect((await bind(a.token, used)).status).toBe(201)
    const expiring = (await invite(t.elderLow)).body.code
    now = new Date(NOW.getTime() + INVITATION_TTL_HOURS * HOUR)
    const answers = [await bind(b.token, used), await bind(b.token, expiring), await bind(b.token, wrongCode([used, expiring]))]
    for (const res of answers) expectError(res, 400, 'INVITATION_INVALID')
    expect(new Set(answers.map((r) => JSON.stringify(r.body))).size).toBe(1)
    expect(answers[0].body.error.message).toContain('请让老人重新生成')
    const refused = (await audit('family.bind_refused')).filter((r) => r.actor === b.userId)
    expect(refused.map((r) => detailOf(r).reason)).toEqual(['no_live_code', 'expired', 'no_live_code'])
    expect(JSON.stringify(refused)).not.toMatch(new RegExp(`${used}|${expiring}`))
  })

  it('a relative already bound is told so (409) and the code stays usable for someone else', async () => {
    const { code } = (await invite(t.elderFree)).body
    expectError(await bind(t.family, code), 409, 'ALREADY_BOUND')
    expect((await bind((await newRelative()).token, code)).status).toBe(201)
  })

  it('only a relative binds: an elder, staff or a supervisor cannot; a bad code or relation is a 400', async () => {
    const { code } = (await invite(t.elderFree)).body
    for (const who of [t.elderLow, t.staffStation1, t.supervisor]) expectError(await bind(who, code), 403, 'FORBIDDEN')
    expectError(await bind(t.familyUnbound, '12345'), 400, 'VALIDATION_FAILED')
    expectError(await bind(t.familyUnbound, code, '朋友'), 400, 'VALIDATION_FAILED')
  })

  it('two relatives redeeming one code at once: exactly one binds', async () => {
    for (let round = 0; round < 5; round++) {
      const { code } = (await invite(t.elderPaid)).body
      const [a, b] = [await newRelative(), await newRelative()]
      const [ra, rb] = await Promise.all([bind(a.token, code), bind(b.token, code)])
      expect([ra.status, rb.status].sort()).toEqual([201, 400])
      const links = await query(app, sql`SELECT id FROM family_links WHERE family_user_id IN (${a.userId}, ${b.userId})`)
      expect(links).toHaveLength(1)
    }
  })
})

describe('listing and revoking', () => {
  it('the relative sees the parent with the next visit; the elder sees who can book (phones masked); staff name an elder in their circle', async () => {
    const booked = await book(app, t.family, { elderId: 1, serviceId: CLEANING, slotStart: SLOT })
    expect(booked.status).toBe(201)
    const mine = (await bindings(t.family).expect(200)).body.bindings
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ elder: { id: 1 }, nextVisit: { orderId: booked.body.id, slotStart: SLOT, status: booked.body.status } })
    const elderSide = (await bindings(t.elderFree).expect(200)).body.bindings
    expect(elderSide.map((b: { family: { name: string } }) => b.family.name)).toContain('王丽（王秀英的女儿）')
    for (const b of elderSide) expect(b.family.phone).toMatch(/^1\d{2}\*{4}\d{4}$/)
    expect((await bindings(t.staffStation1, '?elderId=1').expect(200)).body.bindings).toHaveLength(elderSide.length)
    expect((await bindings(t.supervisor, '?elderId=1').expect(200)).body.bindings).toHaveLength(elderSide.length)
    expectError(await bindings(t.staffStation2, '?elderId=1'), 404, 'ELDER_NOT_FOUND')
    expectError(await bindings(t.staffStation1), 400, 'VALIDATION_FAILED')
    expectError(await bindings(t.elderFree, '?elderId=2'), 404, 'ELDER_NOT_FOUND')
    expect((await bindings(t.familyUnbound, '?elderId=1').expect(200)).body.bindings).toEqual([])
  })

  it('a revoked relative is refused on the very next request; only the parties and a supervisor may revoke', async () => {
    const relative = await newRelative()
    const link = (await bind(relative.token, (await invite(t.elderFree)).body.code)).body
    const order = await book(app, relative.token, { elderId: 1, serviceId: CLEANING, slotStart: '2026-11-24T15:00:00+08:00' })
    expect(order.status).toBe(201)
    for (const other of [t.familyUnbound, t.elderLow, t.staffStation1, t.adminStation1]) expectError(await revoke(other, link.id), 404, 'NOT_FOUND')
    expect((await revoke(relative.token, link.id)).body).toEqual({ ok: true, id: link.id })
    expectError(await app.request.get(`/api/orders/${order.body.id}`).set(bearer(relative.token)), 404, 'NOT_FOUND')
    expectError(await app.request.post('/api/quotes').set(bearer(relative.token)).send({ elderId: 1, serviceId: CLEANING, slotStart: SLOT }), 404, 'ELDER_NOT_FOUND')
    expect(await meElders(relative.token)).toEqual([])
    expect((await app.request.get('/api/orders').set(bearer(relative.token)).expect(200)).body.orders).toEqual([])
    expect((await revoke(relative.token, link.id)).status).toBe(200) // a second tap changes nothing
    const [row] = await query(app, sql`SELECT revoked_by AS revokedBy FROM family_links WHERE id = ${link.id}`)
    expect(row.revokedBy).toBe(relative.userId)
    expect((await audit('family.revoked')).filter((r) => r.entityId === link.id)).toHaveLength(1)
    // Binding again with a new code brings the same link back in force.
    const again = await bind(relative.token, (await invite(t.elderFree)).body.code, '配偶')
    expect(again.status).toBe(201)
    expect(again.body).toMatchObject({ id: link.id, relation: '配偶' })
    expect(detailOf((await audit('family.bound')).at(-1)!)).toMatchObject({ rebound: true })
  })

  it('the elder and a supervisor revoke a relative too', async () => {
    for (const by of [t.elderFree, t.supervisor]) {
      const relative = await newRelative()
      const link = (await bind(relative.token, (await invite(t.elderFree)).body.code)).body
      expect((await revoke(by, link.id)).status).toBe(200)
      expect(await meElders(relative.token)).toEqual([])
    }
  })
})

function wrongCode(avoid: string[]): string {
  for (let n = 0; ; n++) {
    const c = String(100000 + n)
    if (!avoid.includes(c)) return c
  }
}

describe('the OpenAPI document (issue 15 #5, #6, #18)', () => {
  it('lists the live-code read, the cursor of the elder list, and every 429 with Retry-After', async () => {
    const { paths } = (await app.request.get('/api/openapi.json').expect(200)).body
    const live = paths['/api/family/invitations/live'].get
    expect(live.parameters.map((p: { name: string }) => p.name)).toEqual(['elderId'])
    expect(Object.keys(live.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '503']))
    expect(paths['/api/elders'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['cursor', 'limit']))
    expect(paths['/api/elders'].get.responses['200'].content['application/json'].schema.properties).toHaveProperty('nextCursor')
    for (const [path, method] of [['/api/complaints', 'post'], ['/api/family/elders', 'post'], ['/api/family/invitations', 'post'], ['/api/family/bindings', 'post']]) {
      expect(paths[path][method].responses['429']).toMatchObject({ headers: { 'Retry-After': expect.anything() } })
    }
  })
})
