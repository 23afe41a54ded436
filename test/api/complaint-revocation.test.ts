/**
 * A complaint about an elder follows the one elder-access rule on every request (issue 15 #3): a relative who filed
 * it and is then revoked can no longer read it, act on it, add photos to it or hear about it; the complaint stays
 * with the elder and the relatives bound now.
 */
import sharp from 'sharp'
import { sql } from 'drizzle-orm'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { DEMO_PHONES, adminPhone } from '../../server/src/seed/seed-demo'
import { book, CLEANING, NOW, query } from '../helpers/booking'
import { expectError } from '../helpers/expect-error'

let app: TestApp
let elder: string // 王秀英 (elder 1)
let daughter: string // bound to her throughout
let nephew: string // bound, files two complaints, then revoked
let admin: string
let supervisor: string
let linkId: number
let feeComplaint: number // about an order, answered by the station before the revocation
let stationComplaint: number // about the station, naming the elder, still waiting

const post = (token: string, p: string, body: Record<string, unknown> = {}) => app.request.post(p).set(bearer(token)).send(body)
const get = (token: string, p: string) => app.request.get(p).set(bearer(token))
const noticesAbout = async (token: string, id: number) =>
  ((await get(token, '/api/notifications?limit=100')).body.notifications as { entity: string; entityId: number; title: string }[]).filter((n) => n.entity === 'complaint' && n.entityId === id)
const listed = async (token: string) => ((await get(token, '/api/complaints?limit=100')).body.complaints as { id: number }[]).map((c) => c.id)

beforeAll(async () => {
  app = await startTestApp({ clock: () => NOW })
  ;[elder, daughter, supervisor] = await Promise.all([DEMO_PHONES.elderFree, DEMO_PHONES.family, DEMO_PHONES.supervisor].map((p) => app.login(p)))
  await query(app, sql`INSERT INTO users (role, name, phone) VALUES ('family', '侄子', '13911117001')`)
  nephew = await app.login('13911117001')
  const { code } = (await post(elder, '/api/family/invitations')).body
  const bound = await post(nephew, '/api/family/bindings', { code, relation: '其他亲属' })
  expect(bound.status).toBe(201)
  linkId = bound.body.id

  const order = await book(app, nephew, { elderId: 1, serviceId: CLEANING, slotStart: '2026-11-24T10:00:00+08:00' })
  expect(order.status).toBe(201)
  admin = await app.login(adminPhone(order.body.station.id))
  feeComplaint = (await post(nephew, '/api/complaints', { orderId: order.body.id, category: 'fee', description: '收费和公示的不一样，多收了钱', anonymous: false })).body.id
  stationComplaint = (await post(nephew, '/api/complaints', { elderId: 1, stationId: order.body.station.id, category: 'attitude', description: '打电话去驿站，接电话的人很凶', anonymous: false })).body.id
  expect((await post(admin, `/api/complaints/${feeComplaint}/respond`, { message: '已收到' })).status).toBe(200)
  expect((await post(admin, `/api/complaints/${feeComplaint}/resolve`, { message: '已核实，退回多收的钱', refundFen: 1000 })).status).toBe(200)
  // While bound, the nephew is the complainant: he reads both, may reopen or confirm, and heard the answer.
  expect((await get(nephew, `/api/complaints/${feeComplaint}`)).body.allowedActions).toEqual(['reopen', 'confirm'])
  expect(await listed(nephew)).toEqual(expect.arrayContaining([feeComplaint, stationComplaint]))
  expect((await noticesAbout(nephew, feeComplaint)).map((n) => n.title)).toContain('您的投诉有了答复')

  expect((await app.request.delete(`/api/family/bindings/${linkId}`).set(bearer(elder))).status).toBe(200)
})
afterAll(() => app.close())

describe('a relative revoked after filing a complaint about the elder', () => {
  it('can no longer read it, in detail or in a list', async () => {
    for (const id of [feeComplaint, stationComplaint]) expectError(await get(nephew, `/api/complaints/${id}`), 404, 'NOT_FOUND')
    expect(await listed(nephew)).toEqual([])
  })

  it('can neither reopen, confirm, nor add a photo — and nothing changes', async () => {
    expectError(await post(nephew, `/api/complaints/${feeComplaint}/reopen`, { message: '退款没有到账' }), 404, 'NOT_FOUND')
    expectError(await post(nephew, `/api/complaints/${feeComplaint}/confirm`), 404, 'NOT_FOUND')
    const photo = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#888' } }).jpeg().toBuffer()
    expectError(await app.request.post(`/api/complaints/${stationComplaint}/photos`).set(bearer(nephew)).attach('photo', photo, 'a.jpg'), 404, 'NOT_FOUND')
    const [fee] = await query(app, sql`SELECT status, reopen_count FROM complaints WHERE id = ${feeComplaint}`)
    expect(fee).toEqual({ status: 'resolved', reopen_count: 0 })
    expect(await query(app, sql`SELECT id FROM complaint_photos WHERE complaint_id = ${stationComplaint}`)).toEqual([])
  })

  it('hears nothing more about it; the elder hears instead', async () => {
    const before = (await noticesAbout(nephew, stationComplaint)).length
    expect((await post(admin, `/api/complaints/${stationComplaint}/respond`, { message: '已收到，正在核实' })).status).toBe(200)
    expect((await post(admin, `/api/complaints/${stationComplaint}/resolve`, { message: '已对接电话的人批评教育' })).status).toBe(200)
    expect(await noticesAbout(nephew, stationComplaint)).toHaveLength(before)
    expect((await noticesAbout(elder, stationComplaint)).map((n) => n.title)).toEqual(['您的投诉有了答复', '驿站已受理您的投诉'])
  })

  it('the complaint stays with the elder: she and the daughter bound now read it and act on it', async () => {
    for (const token of [elder, daughter]) {
      const c = await get(token, `/api/complaints/${feeComplaint}`)
      expect(c.status).toBe(200)
      expect(c.body.allowedActions).toEqual(['reopen', 'confirm'])
      expect(await listed(token)).toEqual(expect.arrayContaining([feeComplaint, stationComplaint]))
    }
    expect((await post(daughter, `/api/complaints/${feeComplaint}/reopen`, { message: '退款一直没有到账' })).body.status).toBe('reopened')
    const before = (await noticesAbout(nephew, feeComplaint)).length
    expect((await post(supervisor, `/api/complaints/${feeComplaint}/resolve`, { message: '责令驿站三日内退款', refundFen: 1000 })).status).toBe(200)
    expect(await noticesAbout(nephew, feeComplaint)).toHaveLength(before)
    expect((await noticesAbout(elder, feeComplaint)).map((n) => n.title)).toContain('您的投诉有了答复')
    expect((await post(elder, `/api/complaints/${feeComplaint}/confirm`)).body.status).toBe('closed')
  })

  it('bound again with a new code, the relative reads it again (access follows the binding, not the filing)', async () => {
    const { code } = (await post(elder, '/api/family/invitations')).body
    expect((await post(nephew, '/api/family/bindings', { code, relation: '其他亲属' })).status).toBe(201)
    expect((await get(nephew, `/api/complaints/${stationComplaint}`)).status).toBe(200)
  })
})
