/**
 * Anonymity is a property of the whole API (issue 15 #2): for every anonymous complaint — a fee complaint about an
 * order, a quality complaint about the same order, a complaint about the station naming the elder — nothing the
 * station can call (complaints, orders with every filter, notices, photos) names the elder or the order complained
 * about. The supervisor still sees everything.
 *
 * The station serves the elder, so its own order list names her, as it must; what it must not get is anything that
 * ties one of those orders to the complaint: no complaint marker on an order, and no flagged-orders filter (the
 * supervisor's alone, see README "Complaints").
 */
import sharp from 'sharp'
import { sql } from 'drizzle-orm'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { DEMO_PHONES } from '../../server/src/seed/seed-demo'
import { act, book, CLEANING, NOW, query } from '../helpers/booking'
import { expectError } from '../helpers/expect-error'

const SLOT = '2026-11-24T09:00:00+08:00'
let now = NOW
let app: TestApp
let elder: string // 王秀英 (elder 1, user 5001), served by station 1
let daughter: string // 王丽
let staff: string
let admin: string
let supervisor: string
let orderId: number
let payableFen: number
const ids = {} as Record<'fee' | 'quality' | 'station', number>
let secrets: string[]

const post = (token: string, p: string, body: Record<string, unknown> = {}) => app.request.post(p).set(bearer(token)).send(body)
const get = (token: string, p: string) => app.request.get(p).set(bearer(token))

beforeAll(async () => {
  app = await startTestApp({ clock: () => now })
  ;[elder, daughter, staff, admin, supervisor] = await Promise.all(
    [DEMO_PHONES.elderFree, DEMO_PHONES.family, DEMO_PHONES.staffStation1, DEMO_PHONES.adminStation1, DEMO_PHONES.supervisor].map((p) => app.login(p)),
  )
  // A visit at station 1, checked out with ¥20 more than quoted: an overcharge the daughter complains about.
  const placed = await book(app, daughter, { elderId: 1, serviceId: CLEANING, slotStart: SLOT })
  expect(placed.body.station.id).toBe(1)
  orderId = placed.body.id
  payableFen = placed.body.price.payableFen
  await act(app, staff, orderId, 'accept').expect(200)
  now = new Date(SLOT)
  await act(app, staff, orderId, 'start').expect(200)
  now = new Date(now.getTime() + 60 * 60_000)
  await act(app, staff, orderId, 'complete', { chargedFen: payableFen + 2000, workNote: '打扫卫生', confirmConsequences: true }).expect(200)
  // Complained about two days later: the complaint's own dates are not the visit's.
  now = new Date('2026-11-26T10:00:00+08:00')

  ids.fee = (await post(daughter, '/api/complaints', { orderId, category: 'fee', description: '签退时多收了二十元，和预约时说的不一样', anonymous: true }).expect(201)).body.id
  ids.quality = (await post(elder, '/api/complaints', { orderId, category: 'quality', description: '厨房没有擦干净，地也没拖', anonymous: true }).expect(201)).body.id
  ids.station = (await post(elder, '/api/complaints', { elderId: 1, stationId: 1, category: 'attitude', description: '打电话去驿站，接电话的人很凶', anonymous: true }).expect(201)).body.id
  // A phone photo whose EXIF names the home: the station opens it.
  const photo = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#a55' } }).jpeg()
    .withExif({ IFD0: { ImageDescription: `Wang Xiuying ${DEMO_PHONES.elderFree}`, Make: 'PhoneMakerCo' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '28/1 52/1 48/1' } }).toBuffer()
  for (const id of Object.values(ids)) await app.request.post(`/api/complaints/${id}/photos`).set(bearer(elder)).attach('photo', photo, 'a.jpg').expect(201)
  // The station answers one, so its notices and the timeline have more in them.
  await post(admin, `/api/complaints/${ids.fee}/respond`, { message: '已收到，正在核实' }).expect(200)

  const [home] = await query<{ address: string }>(app, sql`SELECT address FROM elders WHERE id = 1`)
  secrets = ['王秀英', '王丽', 'Wang Xiuying', DEMO_PHONES.elderFree, '138****0001', DEMO_PHONES.family, '139****0001', home.address, 'PhoneMakerCo']
})
afterAll(() => app.close())

/** Every place in a JSON answer that names the elder or the order: secrets in text, her id or the order's id under an elder/order key. */
function namesTheElder(value: unknown, at = '$'): string[] {
  if (typeof value === 'string') return secrets.filter((s) => value.includes(s)).map((s) => `${at} holds ${s}`)
  if (Array.isArray(value)) return value.flatMap((v, i) => namesTheElder(v, `${at}[${i}]`))
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      const here = `${at}.${k}`
      if (/order/i.test(k) && (v === orderId || v === String(orderId))) return [`${here} is the order`]
      if (/elder/i.test(k) && v !== null && v !== undefined) return [`${here} is set`]
      return namesTheElder(v, here)
    })
  }
  return []
}

/** A complaint marker on an order would tie it to the complaint. */
// Every station order carries `complaints: []` alike, which says nothing; anything else would point at an order.
const says = (v: unknown) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)
const complaintMarkers = (orders: Record<string, unknown>[]) => orders.flatMap((o) => Object.entries(o).filter(([k, v]) => /complaint/i.test(k) && says(v)).map(([k]) => `order ${o.id}.${k}`))

describe('what the station sees of an anonymous complaint', () => {
  it.each(['fee', 'quality', 'station'] as const)('the %s complaint, its list entries, its timeline and its photos name nobody', async (kind) => {
    const id = ids[kind]
    for (const token of [admin, staff]) {
      const one = await get(token, `/api/complaints/${id}`)
      expect(one.status).toBe(200)
      expect(namesTheElder(one.body)).toEqual([])
      expect(one.body).toMatchObject({ anonymous: true, complainant: null, elder: null, orderId: null, evidence: null })
      for (const filter of ['', '&status=submitted', '&status=acknowledged', `&category=${one.body.category}`, '&stationId=1', '&overdue=false']) {
        const list = await get(token, `/api/complaints?limit=100${filter}`)
        expect(list.status).toBe(200)
        expect(namesTheElder(list.body)).toEqual([])
      }
      expect(one.body.photos).toHaveLength(1)
      const img = await app.request.get(one.body.photos[0].url)
      expect(img.status).toBe(200)
      expect((await sharp(img.body).metadata()).exif).toBeUndefined()
      expect(namesTheElder(img.body.toString('latin1'))).toEqual([])
    }
  })

  it('the fee evidence is the service, the month and the difference — nothing that matches one order', async () => {
    const seen = (await get(admin, `/api/complaints/${ids.fee}`)).body
    expect(seen.feeSummary).toEqual({ serviceName: '居家保洁', month: '2026-11', differenceFen: 2000 })
    const text = JSON.stringify(seen)
    for (const field of ['priceVersionId', 'tier', 'listPriceFen', 'publishedTierPriceFen', 'quotedPayableFen', 'chargedFen', '2026-11-24', '09:00']) expect(text).not.toContain(field)
    // The complainant's side and the supervisor see the whole record.
    for (const token of [daughter, supervisor]) {
      const full = (await get(token, `/api/complaints/${ids.fee}`)).body
      expect(full).toMatchObject({ orderId, elder: { id: 1, name: '王秀英' }, evidence: { quotedPayableFen: payableFen, chargedFen: payableFen + 2000 }, feeSummary: { differenceFen: 2000 } })
    }
  })

  it('no order list or filter the station can call singles the order out, and no order carries the complaint', async () => {
    for (const token of [admin, staff]) {
      for (const flag of ['any', 'overcharge', 'undercharge']) {
        const res = await get(token, `/api/orders?chargeFlag=${flag}&limit=100`)
        expectError(res, 403, 'FORBIDDEN')
        expect(namesTheElder(res.body)).toEqual([])
      }
      for (const filter of ['', '&status=completed', '&date=2026-11-24']) {
        const res = await get(token, `/api/orders?limit=100${filter}`)
        expect(res.status).toBe(200)
        expect(complaintMarkers(res.body.orders)).toEqual([])
      }
      const detail = await get(token, `/api/orders/${orderId}`)
      expect(complaintMarkers([detail.body])).toEqual([])
    }
    // The supervisor's desk keeps the flagged-orders list.
    const flagged = await get(supervisor, '/api/orders?chargeFlag=overcharge&limit=100')
    expect(flagged.body.orders.map((o: { id: number }) => o.id)).toContain(orderId)
  })

  it('the station’s notices name nobody', async () => {
    for (const token of [admin, staff]) {
      const inbox = await get(token, '/api/notifications?limit=100')
      expect(inbox.status).toBe(200)
      // Notices of the station's own orders name the elder it serves, as they must; those about complaints never.
      expect(namesTheElder(inbox.body.notifications.filter((n: { entity: string }) => n.entity === 'complaint'))).toEqual([])
    }
    expect((await get(admin, '/api/notifications?limit=100')).body.notifications.filter((n: { entityId: number }) => Object.values(ids).includes(n.entityId))).toHaveLength(3)
  })

  it('the supervisor sees who filed each and for whom', async () => {
    for (const id of Object.values(ids)) {
      const c = (await get(supervisor, `/api/complaints/${id}`)).body
      expect(c.elder).toEqual({ id: 1, name: '王秀英' })
      expect(c.complainant.name).toMatch(/^王/)
    }
  })
})
