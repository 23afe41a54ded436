import { sql } from 'drizzle-orm'
import { describeCharge } from '@carecircle/shared'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { DEMO_PHONES, staffPhone } from '../../server/src/seed/seed-demo'
import { stationPeople } from '../../server/src/seed/demo-data'
import { act, book, CLEANING, NOW, query } from '../helpers/booking'

/**
 * Following an order from afar: every step reaches the elder (if they have a login) and every relative bound now,
 * in-app and by WeChat subscribe message where subscribed — and nobody else, and never the one who made the step.
 */
let app: TestApp
let now = NOW
const ELDER1 = 5001 // 王秀英's login
const ELDER2 = 5002 // 李建国's login
const DAUGHTER = 9001 // 王丽, bound to 王秀英 by the seed
const UNBOUND = 9002
let son: number // 王刚, bound to both 王秀英 and 李建国 here
let niece: number // 王芳, bound to 王秀英, revoked during the test
let daughter: string
let supervisor: string
beforeAll(async () => {
  app = await startTestApp({ clock: () => now, env: { WECHAT_TEMPLATE_ORDER: 'tmpl-order' } })
  son = await relative('王刚', '13900000009', [1, 2])
  niece = await relative('王芳', '13900000008', [1])
  await query(app, sql`UPDATE users SET wechat_openid = CONCAT('openid-', id) WHERE id IN (${ELDER1}, ${DAUGHTER}, ${UNBOUND}, ${son}, ${niece}, 1011)`)
  daughter = await app.login(DEMO_PHONES.family)
  supervisor = await app.login(DEMO_PHONES.supervisor)
})
afterAll(() => app.close())

async function relative(name: string, phone: string, elderIds: number[]): Promise<number> {
  await query(app, sql`INSERT INTO users (role, name, phone) VALUES ('family', ${name}, ${phone})`)
  const [{ id }] = await query<{ id: number }>(app, sql`SELECT id FROM users WHERE phone = ${phone}`)
  for (const elderId of elderIds) await query(app, sql`INSERT INTO family_links (elder_id, family_user_id, relation, consented_at) VALUES (${elderId}, ${id}, '子女', NOW(3))`)
  return Number(id)
}

type Row = { userId: number; title: string; body: string }
/** The order's notices recorded after `afterId`, by recipient. */
async function noticesSince(orderId: number, afterId: number): Promise<Map<number, Row>> {
  const rows = await query<Row>(app, sql`SELECT user_id AS userId, title, body FROM notifications WHERE entity = 'order' AND entity_id = ${orderId} AND id > ${afterId} ORDER BY id`)
  const out = new Map<number, Row>()
  for (const r of rows) {
    expect(out.has(Number(r.userId))).toBe(false) // once each
    out.set(Number(r.userId), r)
  }
  return out
}
async function lastNoticeId(): Promise<number> {
  const [{ id }] = await query<{ id: number | null }>(app, sql`SELECT MAX(id) AS id FROM notifications`)
  return Number(id ?? 0)
}
/** Runs a step and returns the notices it recorded about the order. */
async function step(orderId: number, run: () => Promise<{ status: number }>, status = 200) {
  const before = await lastNoticeId()
  expect((await run()).status).toBe(status)
  return noticesSince(orderId, before)
}
const recipients = (m: Map<number, Row>) => [...m.keys()].sort((a, b) => a - b)
const sorted = (...ids: number[]) => ids.sort((a, b) => a - b)

describe('each step fans out to the elder and every bound relative, and to nobody else', () => {
  let order: { id: number; station: { id: number }; price: { payableFen: number } }
  let staff: string

  it('booking by the daughter: the elder and the other relatives hear of it, she does not (she just booked)', async () => {
    const res = await book(app, daughter, { elderId: 1, serviceId: CLEANING, slotStart: '2026-11-24T09:00:00+08:00' })
    expect(res.status).toBe(201)
    order = res.body
    staff = await app.login(staffPhone(order.station.id, 1))
    const got = await noticesSince(order.id, 0)
    expect(recipients(got)).toEqual(sorted(ELDER1, son, niece))
    expect(got.get(ELDER1)).toMatchObject({ title: '预约成功：居家保洁' })
    expect(got.get(ELDER1)!.body).toMatch(/^您的居家保洁（11月24日 09:00）已派给.+驿站上门服务。由家人 王丽（王秀英的女儿） 代订$/)
    expect(got.get(son)!.body).toMatch(/^王秀英的居家保洁（11月24日 09:00）/)
  })

  it('a revoked relative hears nothing more', async () => {
    await query(app, sql`UPDATE family_links SET revoked_at = NOW(3) WHERE family_user_id = ${niece}`)
    const got = await step(order.id, () => act(app, staff, order.id, 'accept'))
    expect(recipients(got)).toEqual(sorted(ELDER1, DAUGHTER, son))
    expect(got.get(DAUGHTER)).toMatchObject({ title: '驿站已接单：居家保洁' })
  })

  it('check-in names the worker; check-out gives the minutes and the amount charged', async () => {
    now = new Date('2026-11-24T09:00:00+08:00')
    const arrived = await step(order.id, () => act(app, staff, order.id, 'start'))
    expect(recipients(arrived)).toEqual(sorted(ELDER1, DAUGHTER, son))
    expect(arrived.get(DAUGHTER)!.body).toBe(`王秀英的居家保洁（11月24日 09:00）：${stationPeople(order.station.id).staff[0]}已于 09:00 到达签到，开始服务`)
    now = new Date('2026-11-24T09:50:00+08:00')
    const charged = order.price.payableFen + 1000
    const done = await step(order.id, () => act(app, staff, order.id, 'complete', { chargedFen: charged, workNote: '打扫了厨房', confirmConsequences: true }))
    expect(recipients(done)).toEqual(sorted(ELDER1, DAUGHTER, son))
    expect(done.get(ELDER1)).toEqual({ userId: ELDER1, title: '服务已完成：居家保洁', body: `您的居家保洁（11月24日 09:00）已完成，服务 50 分钟，${describeCharge(order.price.payableFen, charged).text}` })
    now = NOW
  })

  it('a phone-in booking by staff reaches the elder and every relative; staff hear nothing', async () => {
    const before = await lastNoticeId()
    const res = await book(app, await app.login(staffPhone(1, 1)), { elderId: 1, serviceId: CLEANING, slotStart: '2026-11-25T09:00:00+08:00' })
    expect(res.status).toBe(201)
    const got = await noticesSince(res.body.id, before)
    expect(recipients(got)).toEqual(sorted(ELDER1, DAUGHTER, son))
    expect(got.get(DAUGHTER)!.body).toMatch(/由 兴隆养老服务驿站 周小梅 电话代订$/)
  })

  it('cancellation by the daughter: the elder and the son hear who cancelled, she does not', async () => {
    const res = await book(app, daughter, { elderId: 1, serviceId: CLEANING, slotStart: '2026-11-26T09:00:00+08:00' })
    const got = await step(res.body.id, () => act(app, daughter, res.body.id, 'cancel', { reason: '改天再约' }))
    expect(recipients(got)).toEqual(sorted(ELDER1, son))
    expect(got.get(ELDER1)).toEqual({ userId: ELDER1, title: '预约已取消：居家保洁', body: '您的居家保洁（11月26日 09:00）已由家人 王丽（王秀英的女儿）取消' })
    // The elder cancelling her own: the relatives hear it was her.
    const hers = await book(app, daughter, { elderId: 1, serviceId: CLEANING, slotStart: '2026-11-26T11:00:00+08:00' })
    const got2 = await step(hers.body.id, async () => act(app, await app.login(DEMO_PHONES.elderFree), hers.body.id, 'cancel'))
    expect(recipients(got2)).toEqual(sorted(DAUGHTER, son))
    expect(got2.get(DAUGHTER)!.body).toMatch(/已由老人本人取消$/)
  })

  it('declines re-route station by station until none is left: each move and the unassigned end are told', async () => {
    const res = await book(app, await app.login(DEMO_PHONES.elderLow), { elderId: 2, serviceId: CLEANING, slotStart: '2026-11-27T09:00:00+08:00' })
    expect(res.status).toBe(201)
    // 李建国 booked it himself: only the son heard of the booking.
    expect(recipients(await noticesSince(res.body.id, 0))).toEqual([son])
    let current = res.body
    const seen: string[] = []
    for (let i = 0; i < 10 && current.status === 'assigned'; i++) {
      const from = current.station
      let next: any
      const got = await step(current.id, async () => (next = await act(app, await app.login(staffPhone(from.id, 1)), current.id, 'decline', { reason: '人手不够' })))
      expect(recipients(got)).toEqual(sorted(ELDER2, son))
      const text = got.get(ELDER2)!
      if (next.body.status === 'assigned') {
        expect(text).toEqual({ userId: ELDER2, title: '已换驿站：居家保洁', body: `${from.name}无法接单，您的居家保洁（11月27日 09:00）已改由${next.body.station.name}上门，价格不变` })
      } else {
        expect(text.title).toBe('正在安排驿站：居家保洁')
        expect(text.body).toMatch(new RegExp(`^${from.name}无法接单，您的居家保洁（11月27日 09:00）暂时没有驿站能接，.+12349$`))
      }
      seen.push(next.body.status)
      current = { ...next.body, id: current.id }
    }
    expect(seen[0]).toBe('assigned') // 长江大道 declined, 兴隆 took it
    expect(seen[seen.length - 1]).toBe('unassigned')
  })

  it("a station's suspension re-routes its open orders, and the elder and relatives are told why", async () => {
    const res = await book(app, daughter, { elderId: 1, serviceId: CLEANING, slotStart: '2026-11-28T09:00:00+08:00' })
    const stationId = res.body.station.id
    const got = await step(res.body.id, () => app.request.post(`/api/stations/${stationId}/suspend`).set(bearer(supervisor)).send({ reason: '消防检查不合格', reroute: true }))
    try {
      expect(recipients(got)).toEqual(sorted(ELDER1, DAUGHTER, son))
      expect(got.get(DAUGHTER)!.body).toMatch(new RegExp(`^${res.body.station.name}暂停接单，王秀英的居家保洁（11月28日 09:00）`))
      expect(['已换驿站：居家保洁', '正在安排驿站：居家保洁']).toContain(got.get(DAUGHTER)!.title)
    } finally {
      expect((await app.request.post(`/api/stations/${stationId}/reinstate`).set(bearer(supervisor)).send({})).status).toBe(200)
    }
  })

  it('overall: no order notice ever reached an unbound relative, other elders, staff or the supervisor; none names a phone or an address', async () => {
    const users = await query<{ userId: number }>(app, sql`SELECT DISTINCT user_id AS userId FROM notifications WHERE entity = 'order'`)
    expect(users.map((u) => Number(u.userId)).sort((a, b) => a - b)).toEqual(sorted(ELDER1, ELDER2, DAUGHTER, son, niece))
    const [{ n }] = await query(app, sql`SELECT COUNT(*) AS n FROM notifications WHERE entity = 'order' AND user_id = ${niece}`)
    expect(Number(n)).toBe(1) // the first booking, before the revocation
    const texts = await query<{ t: string }>(app, sql`SELECT CONCAT(title, ' ', body) AS t FROM notifications WHERE entity = 'order'`)
    const addresses = (await query<{ a: string }>(app, sql`SELECT address AS a FROM elders WHERE id IN (1, 2)`)).map((r) => r.a)
    for (const { t } of texts) {
      expect(t).not.toMatch(/1\d{10}|\d{3,4}-\d{7,8}/)
      for (const a of addresses) expect(t).not.toContain(a)
    }
    // They read them in 我的消息 like any other notice.
    const mine = await app.request.get('/api/notifications').set(bearer(daughter))
    expect(mine.body.notifications.some((m: any) => m.entity === 'order' && m.title === '驿站已接单：居家保洁')).toBe(true)
  })
})

describe('WeChat subscribe messages', () => {
  it('sent to subscribed recipients with the order template, opening the order; never to the revoked, the unbound or staff', async () => {
    await waitFor(() => app.wechat.subscribeMessages.some((m) => m.touser === `openid-${ELDER1}` && m.data.thing1.value === '服务已完成：居家保洁'))
    const done = app.wechat.subscribeMessages.find((m) => m.touser === `openid-${DAUGHTER}` && m.data.thing1.value === '服务已完成：居家保洁')!
    expect(done).toMatchObject({ template_id: 'tmpl-order', page: expect.stringMatching(/^pages\/orders\/detail\/index\?id=\d+$/) })
    for (const m of app.wechat.subscribeMessages) for (const v of Object.values(m.data)) expect([...v.value].length).toBeLessThanOrEqual(20)
    const touched = new Set(app.wechat.subscribeMessages.map((m) => m.touser))
    expect(touched.has(`openid-${UNBOUND}`)).toBe(false)
    expect(touched.has('openid-1011')).toBe(false)
    // The niece was pushed the first booking only, before her link was revoked.
    expect(app.wechat.subscribeMessages.filter((m) => m.touser === `openid-${niece}`).map((m) => m.data.thing1.value)).toEqual(['预约成功：居家保洁'])
  })
})

async function waitFor(check: () => boolean, ms = 3000) {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error('waited in vain')
    await new Promise((r) => setTimeout(r, 20))
  }
}
