import { sql } from 'drizzle-orm'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { DEMO_PHONES, adminPhone, staffPhone } from '../../server/src/seed/seed-demo'
import { book, CLEANING, NOW, query } from '../helpers/booking'
import { expectError } from '../helpers/expect-error'
import { sweepComplaintDeadlines } from '../../server/src/complaints/sweep-deadlines'
import { REFUSING_OPENID } from '../helpers/fake-wechat'

const HOUR = 3_600_000
let now = NOW
let app: TestApp
let elder: string // 王秀英 (elder 1), bound to 王丽
let daughter: string
let unbound: string
let supervisor: string
let order: { id: number; station: { id: number }; price: { payableFen: number; tierPriceFen: number; priceVersionId: number } }
let admin: string
let staff: string
let otherAdmin: string

const post = (token: string, path: string, body: Record<string, unknown> = {}) => app.request.post(path).set(bearer(token)).send(body)
const get = (token: string, path: string) => app.request.get(path).set(bearer(token))
const file = (token: string, body: Record<string, unknown>) => post(token, '/api/complaints', body)

beforeAll(async () => {
  app = await startTestApp({ clock: () => now })
  ;[elder, daughter, unbound, supervisor] = await Promise.all([DEMO_PHONES.elderFree, DEMO_PHONES.family, DEMO_PHONES.familyUnbound, DEMO_PHONES.supervisor].map((p) => app.login(p)))
  const res = await book(app, daughter, { elderId: 1, serviceId: CLEANING, slotStart: '2026-11-24T10:00:00+08:00' })
  expect(res.status).toBe(201)
  order = res.body
  const other = order.station.id === 2 ? 3 : 2
  ;[admin, staff, otherAdmin] = await Promise.all([adminPhone(order.station.id), staffPhone(order.station.id, 1), adminPhone(other)].map((p) => app.login(p)))
})
afterAll(() => app.close())
beforeEach(() => {
  now = NOW
})

describe('filing a complaint', () => {
  let feeId: number
  it('about an order: the station comes from the order and a fee complaint carries the price evidence', async () => {
    const res = await file(daughter, { orderId: order.id, category: 'fee', description: '收费和公示的不一样，多收了钱', anonymous: false })
    expect(res.status).toBe(201)
    feeId = res.body.id
    expect(res.body).toMatchObject({
      status: 'submitted', category: 'fee', categoryLabel: '收费问题', station: { id: order.station.id }, orderId: order.id, elder: { id: 1, name: '王秀英' },
      evidence: { priceVersionId: order.price.priceVersionId, publishedTierPriceFen: order.price.tierPriceFen, quotedPayableFen: order.price.payableFen, chargedFen: null },
      nextDeadline: '驿站应在 11月24日 08:00 前受理', allowedActions: [], overdue: false,
    })
    expect(res.body.events.map((e: any) => e.text)).toEqual(['提交了投诉'])
  })

  it('one open complaint per order and category: a second answers 409 with the first one’s id, whoever files it', async () => {
    const again = await file(elder, { orderId: order.id, category: 'fee', description: '又一次：收费不对', anonymous: false })
    expectError({ ...again, body: { error: { ...again.body.error, details: undefined } } } as any, 409, 'COMPLAINT_ALREADY_OPEN')
    expect(again.body.error.details).toEqual({ complaintId: feeId })
    // Another category about the same order is its own complaint.
    expect((await file(elder, { orderId: order.id, category: 'attitude', description: '服务员态度不好', anonymous: false })).status).toBe(201)
  })

  it('two taps at once file one complaint', async () => {
    const body = { orderId: order.id, category: 'quality', description: '打扫得不干净，地没拖', anonymous: false }
    const results = await Promise.all([file(elder, body), file(daughter, body), file(elder, body)])
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409])
  })

  it('refuses bad input with a clear 4xx and writes nothing', async () => {
    const [{ n: before }] = await query(app, sql`SELECT COUNT(*) AS n FROM complaints`)
    expectError(await file(elder, { orderId: order.id, category: 'fee', description: '太贵', anonymous: false }), 400, 'VALIDATION_FAILED')
    expectError(await file(elder, { orderId: order.id, category: 'price', description: '收费不对收费不对', anonymous: false }), 400, 'VALIDATION_FAILED')
    expectError(await file(elder, { category: 'fee', description: '收费不对收费不对', anonymous: false }), 400, 'VALIDATION_FAILED')
    expectError(await file(elder, { orderId: order.id, category: 'other', description: 'x'.repeat(1001), anonymous: false }), 400, 'VALIDATION_FAILED')
    expectError(await file(elder, { stationId: 99999, category: 'other', description: '这个驿站不存在吗', anonymous: false }), 404, 'NOT_FOUND')
    expectError(await file(elder, { orderId: order.id, stationId: order.station.id === 2 ? 3 : 2, category: 'other', description: '驿站和订单对不上', anonymous: false }), 400, 'VALIDATION_FAILED')
    // Control and direction-override characters never reach other people's screens.
    const res = await file(elder, { stationId: 5, category: 'other', description: '门口\u202e有\u0000积水很滑', anonymous: false })
    expect(res.status).toBe(201)
    expect(res.body.description).toBe('门口有积水很滑')
    const [{ n: after }] = await query(app, sql`SELECT COUNT(*) AS n FROM complaints`)
    expect(Number(after)).toBe(Number(before) + 1)
  })

  it('only the elder and bound family may complain, and only about their own orders', async () => {
    expectError(await file(unbound, { orderId: order.id, category: 'fee', description: '我不是家属也来投诉', anonymous: false }), 404, 'NOT_FOUND')
    expectError(await file(unbound, { elderId: 1, stationId: 1, category: 'other', description: '我不是家属也来投诉', anonymous: false }), 404, 'ELDER_NOT_FOUND')
    expectError(await file(admin, { stationId: 1, category: 'other', description: '驿站自己投诉自己', anonymous: false }), 403, 'FORBIDDEN')
    expectError(await file(supervisor, { stationId: 1, category: 'other', description: '监管不通过这里投诉', anonymous: false }), 403, 'FORBIDDEN')
  })
})

describe('anonymity toward the station', () => {
  it('the station’s JSON never holds the complainant’s name, phone or user id; the supervisor sees who filed it', async () => {
    const res = await file(elder, { orderId: order.id, category: 'safety', description: '服务员没关煤气就走了', anonymous: true })
    expect(res.status).toBe(201)
    const id = res.body.id
    await post(elder, `/api/complaints/${id}/confirm`) // an illegal step by the complainant also lands nowhere
    for (const token of [admin, staff]) {
      const one = await get(token, `/api/complaints/${id}`)
      const list = await get(token, '/api/complaints?limit=100')
      expect(one.status).toBe(200)
      for (const text of [JSON.stringify(one.body), JSON.stringify(list.body.complaints.find((c: any) => c.id === id))]) {
        for (const secret of ['王秀英', DEMO_PHONES.elderFree, '138****0001', '5001', `"orderId":${order.id}`]) expect(text).not.toContain(secret)
      }
      expect(one.body).toMatchObject({ anonymous: true, complainant: null, elder: null, orderId: null })
    }
    const sup = await get(supervisor, `/api/complaints/${id}`)
    expect(sup.body.complainant).toMatchObject({ name: '王秀英', role: 'elder' })
    const mine = await get(elder, `/api/complaints/${id}`)
    expect(mine.body.complainant.name).toBe('王秀英')
  })
})

describe('the lifecycle, by role', () => {
  async function fresh(category = 'no_show') {
    await query(app, sql`UPDATE complaints SET status = 'closed' WHERE order_id = ${order.id} AND category = ${category}`)
    const res = await file(elder, { orderId: order.id, category, description: '约好的时间没有人来', anonymous: false })
    expect(res.status).toBe(201)
    return res.body.id as number
  }

  it('respond → resolve with a refund → reopen → supervisor decides → confirm; every step an event and a message', async () => {
    const id = await fresh()
    expectError(await post(staff, `/api/complaints/${id}/respond`, { message: '收到' }), 403, 'FORBIDDEN') // staff see, the admin answers
    expectError(await post(otherAdmin, `/api/complaints/${id}/respond`, { message: '收到' }), 404, 'NOT_FOUND')
    expectError(await post(unbound, `/api/complaints/${id}/confirm`), 404, 'NOT_FOUND')
    expectError(await post(elder, `/api/complaints/${id}/respond`, { message: '收到' }), 403, 'FORBIDDEN')

    const acked = await post(admin, `/api/complaints/${id}/respond`, { message: '已收到，正在核实' })
    expect(acked.body).toMatchObject({ status: 'acknowledged', nextDeadline: '驿站应在 11月30日 08:00 前办结', allowedActions: ['resolve'] })
    expectError(await post(admin, `/api/complaints/${id}/respond`, { message: '再受理一次' }), 409, 'ILLEGAL_TRANSITION')
    expectError(await post(admin, `/api/complaints/${id}/resolve`, {}), 400, 'VALIDATION_FAILED')
    expectError(await post(admin, `/api/complaints/${id}/resolve`, { message: '退款', refundFen: -1 }), 400, 'VALIDATION_FAILED')
    const resolved = await post(admin, `/api/complaints/${id}/resolve`, { message: '当天排班出错，退回费用并道歉', refundFen: 4000 })
    expect(resolved.body).toMatchObject({ status: 'resolved', refundFen: 4000 })

    const forElder = await get(daughter, `/api/complaints/${id}`)
    expect(forElder.body.allowedActions).toEqual(['reopen', 'confirm'])
    expect(forElder.body.nextDeadline).toBe('如不满意，可在 11月30日 08:00 前重新投诉')
    expectError(await post(daughter, `/api/complaints/${id}/reopen`, {}), 400, 'VALIDATION_FAILED')
    expect((await post(daughter, `/api/complaints/${id}/reopen`, { message: '退款一直没有到账' })).body.status).toBe('reopened')
    expectError(await post(admin, `/api/complaints/${id}/resolve`, { message: '我们再答复一次' }), 409, 'ILLEGAL_TRANSITION')
    const decided = await post(supervisor, `/api/complaints/${id}/resolve`, { message: '责令驿站三日内退款', refundFen: 4000 })
    expect(decided.body.status).toBe('resolved')
    expectError(await post(elder, `/api/complaints/${id}/reopen`, { message: '还是不满意' }), 409, 'ILLEGAL_TRANSITION') // once only
    expect((await post(elder, `/api/complaints/${id}/confirm`)).body).toMatchObject({ status: 'closed', nextDeadline: null, allowedActions: [] })
    const audit = await query(app, sql`SELECT action, actor_user_id FROM audit_log WHERE entity = 'complaint' AND entity_id = ${id}`)
    expect(audit).toEqual([{ action: 'complaint.resolve', actor_user_id: 1 }]) // the supervisor's decision; others' steps are events

    const timeline = (await get(supervisor, `/api/complaints/${id}`)).body.events
    expect(timeline.map((e: any) => [e.fromStatus, e.toStatus])).toEqual([
      [null, 'submitted'], ['submitted', 'acknowledged'], ['acknowledged', 'resolved'], ['resolved', 'reopened'], ['reopened', 'resolved'], ['resolved', 'closed'],
    ])
    expect(timeline[3]).toMatchObject({ actor: '王丽（王秀英的女儿）（家属）', message: '退款一直没有到账' })

    // The complainant heard of every step taken by others; the station of the reopening; supervisors of the escalation.
    const inbox = await get(elder, '/api/notifications?limit=50')
    const titles = inbox.body.notifications.filter((n: any) => n.entityId === id).map((n: any) => n.title)
    expect(titles).toEqual(['您的投诉有了答复', '投诉已转民政部门督办', '您的投诉有了答复', '驿站已受理您的投诉', '投诉已提交'])
    expect((await get(admin, '/api/notifications')).body.notifications.some((n: any) => n.entityId === id && n.title === '投诉人不满意，已转督办')).toBe(true)
    expect((await get(supervisor, '/api/notifications')).body.notifications.some((n: any) => n.entityId === id && n.title === '有投诉需要督办')).toBe(true)
  })

  it('a supervisor’s decision that names no refund keeps the refund the station recorded; one that names it replaces it', async () => {
    const id = await fresh()
    await post(admin, `/api/complaints/${id}/respond`, {})
    expect((await post(admin, `/api/complaints/${id}/resolve`, { message: '已退回 30 元', refundFen: 3000 })).body.refundFen).toBe(3000)
    await post(elder, `/api/complaints/${id}/reopen`, { message: '钱没有退到' })
    const decided = await post(supervisor, `/api/complaints/${id}/resolve`, { message: '驿站已退款，对服务员批评教育' })
    expect(decided.body).toMatchObject({ status: 'resolved', refundFen: 3000 })

    const other = await fresh()
    await post(supervisor, `/api/complaints/${other}/escalate`, { message: '驿站未按期处理' })
    expect((await post(supervisor, `/api/complaints/${other}/resolve`, { message: '责令退款 50 元', refundFen: 5000 })).body.refundFen).toBe(5000)
  })

  it('each role lists only its own complaints, newest first, paged without gaps', async () => {
    const ids = (token: string) => get(token, '/api/complaints?limit=100').then((r) => r.body.complaints.map((c: any) => c.id as number))
    const all = await ids(supervisor)
    expect(all).toEqual([...all].sort((a, b) => b - a))
    expect(await ids(unbound)).toEqual([])
    expect(await ids(otherAdmin)).toEqual([])
    expect((await ids(admin)).length).toBeGreaterThan(0)
    const pages: number[] = []
    let cursor: string | null = null
    do {
      const res: any = await get(supervisor, `/api/complaints?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      pages.push(...res.body.complaints.map((c: any) => c.id))
      cursor = res.body.nextCursor
    } while (cursor)
    expect(pages).toEqual(all)
    expectError(await get(supervisor, '/api/complaints?cursor=abc'), 400, 'VALIDATION_FAILED')
    expectError(await get(supervisor, '/api/complaints?limit=1000'), 400, 'VALIDATION_FAILED')
    expect((await get(supervisor, '/api/complaints?from=2026-11-23&to=2026-11-23')).body.complaints.map((c: any) => c.id)).toEqual(all.slice(0, 20))
    expect((await get(supervisor, '/api/complaints?from=2026-11-24')).body.complaints).toEqual([])
    expect((await get(supervisor, '/api/complaints?to=2026-11-22')).body.complaints).toEqual([])
    const [{ operator_id }] = await query(app, sql`SELECT operator_id FROM stations WHERE id = ${order.station.id}`)
    const byOperator = (await get(supervisor, `/api/complaints?operatorId=${operator_id}&limit=100`)).body.complaints
    expect(byOperator.length).toBeGreaterThan(0)
    expectError(await get(supervisor, '/api/complaints?overdue=yes'), 400, 'VALIDATION_FAILED')
    const fee = (await get(supervisor, `/api/complaints?category=fee&stationId=${order.station.id}`)).body.complaints
    expect(fee.length).toBeGreaterThan(0)
    expect(fee.every((c: any) => c.category === 'fee' && c.station.id === order.station.id)).toBe(true)
  })

  it('notifications: newest first, unread count, read one (only one’s own) and read all', async () => {
    const before = (await get(daughter, '/api/notifications')).body
    expect(before.unreadCount).toBeGreaterThan(0)
    const first = before.notifications[0]
    expectError(await post(elder, `/api/notifications/${first.id}/read`), 404, 'NOT_FOUND')
    expect((await post(daughter, `/api/notifications/${first.id}/read`)).body.unreadCount).toBe(before.unreadCount - 1)
    expect((await post(daughter, '/api/notifications/read-all')).body.unreadCount).toBe(0)
  })
})

describe('deadlines without a cron box', () => {
  async function late() {
    await query(app, sql`UPDATE complaints SET status = 'closed' WHERE order_id = ${order.id} AND category = 'other'`)
    const res = await file(elder, { orderId: order.id, category: 'other', description: '一直没有人联系我', anonymous: false })
    return res.body.id as number
  }
  const statusOf = async (id: number) => (await query<{ status: string }>(app, sql`SELECT status FROM complaints WHERE id = ${id}`))[0].status

  it('escalates a complaint not acknowledged within a day — not a minute before', async () => {
    const id = await late()
    now = new Date(NOW.getTime() + 24 * HOUR - 60_000)
    await sweepComplaintDeadlines(app.deps)
    expect(await statusOf(id)).toBe('submitted')
    now = new Date(NOW.getTime() + 24 * HOUR)
    expect((await get(supervisor, `/api/complaints/${id}`)).body).toMatchObject({ overdue: true, late: false })
    await sweepComplaintDeadlines(app.deps)
    expect(await statusOf(id)).toBe('escalated')
    expect((await get(supervisor, `/api/complaints?overdue=true`)).body.complaints.map((c: any) => c.id)).toContain(id)
    expect((await get(supervisor, `/api/complaints?overdue=false`)).body.complaints.map((c: any) => c.id)).not.toContain(id)
    expect((await get(supervisor, `/api/complaints/${id}`)).body).toMatchObject({ overdue: false, late: true })
    const c = (await get(elder, `/api/complaints/${id}`)).body
    expect(c.events.at(-1)).toMatchObject({ actor: '系统', text: '驿站没有在期限内处理，已转民政部门督办', message: '驿站没有在 1 天内受理' })
  })

  it('two scheduler processes on one database escalate each overdue complaint exactly once', async () => {
    const ids = [await late()]
    await query(app, sql`UPDATE complaints SET status = 'closed' WHERE id = ${ids[0]}`)
    const more = await file(elder, { stationId: 3, category: 'other', description: '驿站电话一直打不通', anonymous: false })
    const more2 = await file(daughter, { stationId: 4, category: 'quality', description: '饭菜是凉的，没法吃', anonymous: false })
    const fresh = [more.body.id, more2.body.id]
    const second = await startTestApp({ db: app.testDb, clock: () => now })
    try {
      now = new Date(NOW.getTime() + 25 * HOUR)
      const results = await Promise.all([sweepComplaintDeadlines(app.deps), sweepComplaintDeadlines(second.deps), sweepComplaintDeadlines(app.deps)])
      const events = await query<{ complaint_id: number; n: number }>(app, sql`SELECT complaint_id, COUNT(*) AS n FROM complaint_events WHERE to_status = 'escalated' AND complaint_id IN (${fresh[0]}, ${fresh[1]}) GROUP BY complaint_id`)
      expect(events.map((e) => Number(e.n))).toEqual([1, 1])
      expect(results.reduce((sum, r) => sum + r.escalated, 0)).toBeGreaterThanOrEqual(2)
      for (const id of fresh) expect(await statusOf(id)).toBe('escalated')
    } finally {
      await second.close()
    }
  })

  it('a backlog of 600 overdue complaints: one sweep each on two processes escalates all of them, each exactly once, well within a minute', async () => {
    now = new Date(NOW.getTime() + 30 * 24 * HOUR)
    const [{ id: userId }] = await query<{ id: number }>(app, sql`SELECT id FROM users WHERE phone = ${DEMO_PHONES.elderFree}`)
    const [{ n: supervisors }] = await query<{ n: number }>(app, sql`SELECT COUNT(*) AS n FROM users WHERE role = 'supervisor'`)
    const [{ first }] = await query<{ first: number }>(app, sql`SELECT COALESCE(MAX(id), 0) + 1 AS first FROM complaints`)
    const due = new Date(now.getTime() - 60_000)
    const BACKLOG = 600
    for (let i = 0; i < BACKLOG; i += 200) {
      const values = Array.from({ length: Math.min(200, BACKLOG - i) }, () => sql`(${userId}, 3, 'other', 'submitted', '驿站一直没有人联系我', ${due}, ${new Date(due.getTime() + 6 * 24 * HOUR)}, ${due}, ${due})`)
      await query(app, sql`INSERT INTO complaints (complainant_user_id, station_id, category, status, content, ack_due_at, resolve_due_at, created_at, updated_at) VALUES ${sql.join(values, sql`, `)}`)
    }
    const mine = sql`complaint_id >= ${Number(first)}`
    const second = await startTestApp({ db: app.testDb, clock: () => now })
    try {
      const started = Date.now()
      const results = await Promise.all([sweepComplaintDeadlines(app.deps), sweepComplaintDeadlines(second.deps)])
      const seconds = (Date.now() - started) / 1000
      console.log(`swept ${BACKLOG} overdue complaints on two processes in ${seconds.toFixed(1)} s`)
      expect(seconds).toBeLessThan(30)
      expect(results[0].escalated + results[1].escalated).toBe(BACKLOG)
      const [{ open }] = await query<{ open: number }>(app, sql`SELECT COUNT(*) AS open FROM complaints WHERE id >= ${Number(first)} AND status <> 'escalated'`)
      expect(Number(open)).toBe(0)
      const events = await query<{ n: number }>(app, sql`SELECT COUNT(*) AS n FROM complaint_events WHERE ${mine} AND to_status = 'escalated' GROUP BY complaint_id HAVING COUNT(*) <> 1`)
      expect(events).toEqual([])
      const [{ n: escalations }] = await query<{ n: number }>(app, sql`SELECT COUNT(*) AS n FROM complaint_events WHERE ${mine} AND to_status = 'escalated'`)
      expect(Number(escalations)).toBe(BACKLOG)
      // The complainant and every supervisor hear of each escalation once.
      const [{ n: notices }] = await query<{ n: number }>(app, sql`SELECT COUNT(*) AS n FROM notifications WHERE entity = 'complaint' AND entity_id >= ${Number(first)}`)
      expect(Number(notices)).toBe(BACKLOG * (1 + Number(supervisors)))
      const [{ n: late }] = await query<{ n: number }>(app, sql`SELECT COUNT(*) AS n FROM complaints WHERE id >= ${Number(first)} AND late = 1 AND escalated_at = ${now}`)
      expect(Number(late)).toBe(BACKLOG)
    } finally {
      await second.close()
    }
  })

  it('closes a resolution nobody answered within 7 days', async () => {
    const id = await late()
    await post(admin, `/api/complaints/${id}/resolve`, { message: '已经电话联系并上门处理' })
    now = new Date(NOW.getTime() + 7 * 24 * HOUR + 60_000)
    expectError(await post(elder, `/api/complaints/${id}/reopen`, { message: '太晚了还想投诉' }), 409, 'ILLEGAL_TRANSITION')
    await sweepComplaintDeadlines(app.deps)
    expect(await statusOf(id)).toBe('closed')
  })
})

describe('WeChat subscribe messages behind the notifications module', () => {
  it('sends each notice through the adapter; a user who refused (43101) or WeChat down never fails the step', async () => {
    const pushing = await startTestApp({ db: app.testDb, clock: () => now, env: { WECHAT_TEMPLATE_COMPLAINT: 'tmpl-complaint' } })
    try {
      await query(app, sql`UPDATE users SET wechat_openid = 'openid-wang' WHERE id = 5001`)
      await query(app, sql`UPDATE users SET wechat_openid = ${REFUSING_OPENID} WHERE id = 9001`)
      const elderToken = await pushing.login(DEMO_PHONES.elderFree)
      const adminToken = await pushing.login(adminPhone(order.station.id))
      await query(app, sql`UPDATE complaints SET status = 'closed' WHERE order_id = ${order.id} AND category = 'attitude'`)
      const filed = await pushing.request.post('/api/complaints').set(bearer(elderToken)).send({ orderId: order.id, category: 'attitude', description: '说话很不耐烦', anonymous: false })
      expect(filed.status).toBe(201)
      const acked = await pushing.request.post(`/api/complaints/${filed.body.id}/respond`).set(bearer(adminToken)).send({ message: '已收到，正在核实情况' })
      expect(acked.status).toBe(200)
      await waitFor(() => pushing.wechat.subscribeMessages.some((m) => m.touser === 'openid-wang' && m.data.thing1.value === '驿站已受理您的投诉'))
      const sent = pushing.wechat.subscribeMessages.find((m) => m.data.thing1.value === '驿站已受理您的投诉')!
      expect(sent).toMatchObject({ template_id: 'tmpl-complaint', page: `pages/messages/index?complaint=${filed.body.id}` })

      // The daughter's WeChat refuses messages: her complaint is still filed and answered.
      const daughterToken = await pushing.login(DEMO_PHONES.family)
      await query(app, sql`UPDATE complaints SET status = 'closed' WHERE order_id = ${order.id} AND category = 'attitude'`)
      const hers = await pushing.request.post('/api/complaints').set(bearer(daughterToken)).send({ orderId: order.id, category: 'attitude', description: '说话很不耐烦，第二次', anonymous: false })
      expect(hers.status).toBe(201)
      expect((await pushing.request.post(`/api/complaints/${hers.body.id}/respond`).set(bearer(adminToken)).send({ message: '收到' })).status).toBe(200)
      await waitFor(() => pushing.wechat.subscribeMessages.some((m) => m.touser === REFUSING_OPENID))
      expect((await pushing.request.get('/api/notifications').set(bearer(daughterToken))).body.notifications[0].title).toBe('驿站已受理您的投诉')

      // WeChat unreachable: the step succeeds all the same.
      await pushing.wechat.close()
      expect((await pushing.request.post(`/api/complaints/${hers.body.id}/resolve`).set(bearer(adminToken)).send({ message: '已向服务员核实并批评教育' })).status).toBe(200)
    } finally {
      await pushing.close().catch(() => {})
    }
  })
})

async function waitFor(check: () => boolean, ms = 3000) {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error('waited in vain')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('issue 15 item 14: one reopen, then the answer is final', () => {
  it('after the one reopen is spent the lifecycle offers no reopen, says the answer is final, and a second reopen is a 409 that says why', async () => {
    await query(app, sql`UPDATE complaints SET status = 'closed' WHERE order_id = ${order.id} AND category = 'other'`)
    const id = (await file(elder, { orderId: order.id, category: 'other', description: '服务员把垃圾留在门口', anonymous: false })).body.id
    await post(admin, `/api/complaints/${id}/respond`, {})
    await post(admin, `/api/complaints/${id}/resolve`, { message: '已批评教育' })
    const first = (await get(elder, `/api/complaints/${id}`)).body
    expect(first).toMatchObject({ allowedActions: ['reopen', 'confirm'], finalAnswer: false })
    expect((await post(elder, `/api/complaints/${id}/reopen`, { message: '还是没有人来收拾' })).status).toBe(200)
    await post(supervisor, `/api/complaints/${id}/resolve`, { message: '驿站已上门收拾，并道歉' })

    for (const token of [elder, daughter]) {
      const view = (await get(token, `/api/complaints/${id}`)).body
      expect(view).toMatchObject({ status: 'resolved', allowedActions: ['confirm'], finalAnswer: true })
      const listed = (await get(token, '/api/complaints?limit=100')).body.complaints.find((c: any) => c.id === id)
      expect(listed).toMatchObject({ allowedActions: ['confirm'], finalAnswer: true })
    }
    const again = await post(daughter, `/api/complaints/${id}/reopen`, { message: '还是不满意' })
    expectError(again, 409, 'ILLEGAL_TRANSITION')
    expect(again.body.error.message).toContain('已经重新投诉过一次')
    expect(again.body.error.message).toContain('12349')
    expect((await query(app, sql`SELECT status FROM complaints WHERE id = ${id}`))[0].status).toBe('resolved')
  })
})

describe('issue 15 items 16 and 17: a complaint from a preset reason, and the order that carries its complaint', () => {
  let visitOrder: number
  beforeAll(async () => {
    const res = await book(app, daughter, { elderId: 1, serviceId: CLEANING, slotStart: '2026-11-25T15:00:00+08:00' })
    expect(res.status).toBe(201)
    visitOrder = res.body.id
    await query(app, sql`UPDATE orders SET status = 'completed', charged_fen = payable_fen + 2000, charge_flag = 'overcharge' WHERE id = ${visitOrder}`)
  })

  it('files a complaint from a preset reason with nothing typed; a reason of another category, or neither reason nor text, is a 400', async () => {
    expectError(await file(elder, { orderId: visitOrder, category: 'fee', reason: '说话难听', anonymous: false }), 400, 'VALIDATION_FAILED')
    const neither = await file(elder, { orderId: visitOrder, category: 'fee', anonymous: false })
    expectError(neither, 400, 'VALIDATION_FAILED')
    expect(neither.body.error.message).toContain('选一个原因')
    const res = await file(elder, { orderId: visitOrder, category: 'fee', reason: '多收了钱', anonymous: true })
    expect(res.status).toBe(201)
    expect(res.body.description).toBe('多收了钱')
    // A reason and a few words of one's own: both kept, the reason first.
    await query(app, sql`UPDATE complaints SET status = 'closed' WHERE order_id = ${visitOrder} AND category = 'quality'`)
    const both = await file(daughter, { orderId: visitOrder, category: 'quality', reason: '活没干好', description: '窗台', anonymous: false })
    expect(both.status).toBe(201)
    expect(both.body.description).toBe('活没干好：窗台')
  })

  it('the order tells the elder and family its complaint’s state and, once resolved, the refund; the station learns nothing from it', async () => {
    const [{ id: feeId }] = await query<{ id: number }>(app, sql`SELECT id FROM complaints WHERE order_id = ${visitOrder} AND category = 'fee'`)
    const feeOf = (o: any) => o.complaints.find((c: any) => c.category === 'fee')
    for (const token of [elder, daughter]) {
      const one = (await get(token, `/api/orders/${visitOrder}`)).body
      expect(feeOf(one)).toEqual({ id: feeId, category: 'fee', status: 'submitted', open: true, refundFen: null, text: '已投诉，驿站处理中' })
      expect(one.refundFen).toBeNull()
      const listed = (await get(token, '/api/orders?limit=100')).body.orders.find((o: any) => o.id === visitOrder)
      expect(feeOf(listed)).toMatchObject({ id: feeId, open: true })
    }
    // The fee complaint is anonymous: nothing the station reads of the order may point at it.
    for (const token of [admin, staff]) {
      const one = (await get(token, `/api/orders/${visitOrder}`)).body
      expect(one.complaints).toEqual([])
      expect(one.refundFen).toBeNull()
      const listed = (await get(token, '/api/orders?limit=100')).body.orders.find((o: any) => o.id === visitOrder)
      expect(listed.complaints).toEqual([])
      // The flagged-orders filter is the supervisor's alone.
      expect((await get(token, '/api/orders?chargeFlag=overcharge&limit=100')).status).toBe(403)
    }

    await post(admin, `/api/complaints/${feeId}/respond`, {})
    expect(feeOf((await get(elder, `/api/orders/${visitOrder}`)).body)).toMatchObject({ status: 'acknowledged', open: true, text: '已投诉，驿站处理中' })
    await post(admin, `/api/complaints/${feeId}/resolve`, { message: '多收的 20 元已退还', refundFen: 2000 })
    const refunded = (await get(elder, `/api/orders/${visitOrder}`)).body
    expect(feeOf(refunded)).toEqual({ id: feeId, category: 'fee', status: 'resolved', open: true, refundFen: 2000, text: '已退款 ¥20.00' })
    expect(refunded.refundFen).toBe(2000)
    expect((await get(admin, `/api/orders/${visitOrder}`)).body.complaints).toEqual([])
    // A second fee complaint is refused while the first stands, with its number.
    const again = await file(daughter, { orderId: visitOrder, category: 'fee', reason: '多收了钱', anonymous: false })
    expectError({ ...again, body: { error: { ...again.body.error, details: undefined } } } as any, 409, 'COMPLAINT_ALREADY_OPEN')
    expect(again.body.error.details).toEqual({ complaintId: feeId })
    // The supervisor reads it too.
    expect(feeOf((await get(supervisor, `/api/orders/${visitOrder}`)).body)).toMatchObject({ id: feeId, refundFen: 2000 })
    // Closed, the refund still shows.
    await post(elder, `/api/complaints/${feeId}/confirm`)
    expect(feeOf((await get(elder, `/api/orders/${visitOrder}`)).body)).toMatchObject({ status: 'closed', open: false, text: '已退款 ¥20.00' })
  })
})
