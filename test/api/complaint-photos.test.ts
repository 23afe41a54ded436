/**
 * Complaint photos: re-encoded on the server (no metadata survives, issue 15 #1), at most 3 however many arrive at
 * once with no orphan file (#7), and served through links that live minutes, follow the opener's current access and
 * are never cached (#4).
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { sql } from 'drizzle-orm'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { DEMO_PHONES, adminPhone } from '../../server/src/seed/seed-demo'
import { book, CLEANING, NOW, query } from '../helpers/booking'
import { expectError } from '../helpers/expect-error'

const MINUTE = 60_000
let now = NOW
let app: TestApp
let elder: string
let daughter: string
let unbound: string
let admin: string
let otherAdmin: string
let orderId: number

const post = (token: string, p: string, body: Record<string, unknown> = {}) => app.request.post(p).set(bearer(token)).send(body)
const get = (token: string, p: string) => app.request.get(p).set(bearer(token))
const upload = (token: string, id: number, data: Buffer, name = 'a.jpg') => app.request.post(`/api/complaints/${id}/photos`).set(bearer(token)).attach('photo', data, name)
const filesOf = async (id: number) => fs.readdir(path.join(app.deps.config.uploadDir, 'complaints', String(id))).catch(() => [] as string[])

/** A real JPEG as a phone makes it: EXIF with GPS, the maker and a description naming the home; turned on its side. */
function phonePhoto(width = 3000, height = 1000) {
  return sharp({ create: { width, height, channels: 3, background: '#3a7' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMakerCo', Model: 'Spy X1', ImageDescription: 'Wang Xiuying home, Jiangyang' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '28/1 52/1 48/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 26/1 24/1' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer()
}
const SECRETS = ['PhoneMakerCo', 'Spy X1', 'Wang Xiuying', 'Jiangyang', 'Exif']

let seq = 0
async function freshComplaint(anonymous = true): Promise<number> {
  const res = await post(elder, '/api/complaints', { stationId: 1, elderId: 1, category: 'other', description: `门口有积水很滑，第 ${++seq} 次`, anonymous })
  expect(res.status).toBe(201)
  return res.body.id
}

beforeAll(async () => {
  app = await startTestApp({ clock: () => now })
  ;[elder, daughter, unbound, admin, otherAdmin] = await Promise.all(
    [DEMO_PHONES.elderFree, DEMO_PHONES.family, DEMO_PHONES.familyUnbound, adminPhone(1), adminPhone(2)].map((p) => app.login(p)),
  )
  const res = await book(app, daughter, { elderId: 1, serviceId: CLEANING, slotStart: '2026-11-24T10:00:00+08:00' })
  expect(res.status).toBe(201)
  orderId = res.body.id
})
afterAll(() => app.close())
beforeEach(() => {
  now = NOW
})

describe('every photo is re-encoded before it is stored (#1)', () => {
  it('EXIF GPS, device and description never reach the disk nor the station; turned upright and bounded', async () => {
    const original = await phonePhoto()
    const before = await sharp(original).metadata()
    expect([before.orientation, !!before.exif, original.toString('latin1').includes('PhoneMakerCo')]).toEqual([6, true, true])
    const id = await freshComplaint()
    expect((await upload(elder, id, original)).status).toBe(201)

    const [stored] = await filesOf(id)
    const onDisk = await fs.readFile(path.join(app.deps.config.uploadDir, 'complaints', String(id), stored))
    const link = (await get(admin, `/api/complaints/${id}`)).body.photos[0].url
    const served = await app.request.get(link)
    expect(served.status).toBe(200)
    expect(served.headers['content-type']).toBe('image/jpeg')
    for (const bytes of [onDisk, served.body as Buffer]) {
      const m = await sharp(bytes).metadata()
      expect({ format: m.format, exif: m.exif, icc: m.icc, xmp: m.xmp, iptc: m.iptc, orientation: m.orientation }).toEqual({ format: 'jpeg', exif: undefined, icc: undefined, xmp: undefined, iptc: undefined, orientation: undefined })
      // Rotated by its orientation (3000 × 1000 on its side is 1000 × 3000 upright), the longest side at most 2048.
      expect([m.width, m.height]).toEqual([683, 2048])
      for (const s of SECRETS) expect(bytes.toString('latin1')).not.toContain(s)
    }
  })

  it('a PNG is stored as a plain JPEG too', async () => {
    const id = await freshComplaint()
    const png = await sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0.5 } } }).png().withMetadata({ density: 300 }).toBuffer()
    expect((await upload(daughter, id, png, 'a.png')).status).toBe(201)
    const [stored] = await filesOf(id)
    expect(stored).toMatch(/\.jpg$/)
    const m = await sharp(path.join(app.deps.config.uploadDir, 'complaints', String(id), stored)).metadata()
    expect([m.format, m.width, m.height, m.exif]).toEqual(['jpeg', 40, 30, undefined])
  })

  it('a file that only looks like an image is refused with 400 PHOTO_UNREADABLE and nothing is stored', async () => {
    const id = await freshComplaint()
    const fakeWebp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([29, 0, 0, 0]), Buffer.from('WEBP<script>alert(1)</script>')])
    expect(fakeWebp.length).toBe(37)
    const fakeJpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from('<html><script>alert(1)</script></html>')])
    const truncated = (await phonePhoto(200, 100)).subarray(0, 300)
    for (const bad of [fakeWebp, fakeJpeg, truncated]) {
      const res = await upload(elder, id, bad)
      expectError(res, 400, 'PHOTO_UNREADABLE')
      expect(res.body.error.message).toContain('JPG、PNG 或 WebP')
    }
    expectError(await upload(elder, id, Buffer.from('<svg onload=alert(1)></svg>'), 'x.jpg'), 415, 'UNSUPPORTED_MEDIA_TYPE')
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).gif().toBuffer()
    expectError(await upload(elder, id, gif, 'x.gif'), 415, 'UNSUPPORTED_MEDIA_TYPE')
    expect(await filesOf(id)).toEqual([])
    expect(await query(app, sql`SELECT id FROM complaint_photos WHERE complaint_id = ${id}`)).toEqual([])
  })

  it('who may add photos, and the size limit', async () => {
    const id = await freshComplaint()
    const photo = await phonePhoto(100, 80)
    expectError(await upload(admin, id, photo), 403, 'FORBIDDEN')
    expectError(await upload(unbound, id, photo), 404, 'NOT_FOUND')
    expectError(await app.request.post(`/api/complaints/${id}/photos`).set(bearer(elder)).send({ photo: 'x' }), 400, 'VALIDATION_FAILED')
    expectError(await upload(elder, id, Buffer.concat([photo, Buffer.alloc(5 * 1024 * 1024)])), 413, 'PAYLOAD_TOO_LARGE')
    expect(await filesOf(id)).toEqual([])
  })
})

describe('at most 3 photos, whatever arrives at once (#7)', () => {
  it('10 parallel uploads to one complaint store exactly 3 rows and 3 files', async () => {
    const id = await freshComplaint()
    const photo = await phonePhoto(300, 200)
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => upload(i % 2 ? elder : daughter, id, photo)))
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 409, 409, 409, 409, 409, 409, 409])
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.error.code).toBe('TOO_MANY_PHOTOS')
    const rows = await query<{ storage_key: string }>(app, sql`SELECT storage_key FROM complaint_photos WHERE complaint_id = ${id}`)
    expect(rows).toHaveLength(3)
    const files = await filesOf(id)
    expect(files.sort()).toEqual(rows.map((r) => path.basename(r.storage_key)).sort())
    expectError(await upload(elder, id, photo), 409, 'TOO_MANY_PHOTOS')
  })

  it('an insert the database refuses leaves no file; a file that cannot be written leaves no row', async () => {
    const id = await freshComplaint()
    const photo = await phonePhoto(120, 90)
    await query(app, sql.raw(`CREATE TRIGGER refuse_photo BEFORE INSERT ON complaint_photos FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'disk policy'`))
    try {
      expect((await upload(elder, id, photo)).status).toBe(500)
    } finally {
      await query(app, sql.raw('DROP TRIGGER refuse_photo'))
    }
    expect(await filesOf(id)).toEqual([])

    const storage = app.deps.storage
    const put = storage.put.bind(storage)
    // The bytes land, then the disk fails (full, or the process dies mid-way): neither row nor file stays.
    storage.put = async (key, data) => {
      await put(key, data)
      throw new Error('ENOSPC')
    }
    try {
      expect((await upload(elder, id, photo)).status).toBe(500)
    } finally {
      storage.put = put
    }
    expect(await filesOf(id)).toEqual([])
    expect(await query(app, sql`SELECT id FROM complaint_photos WHERE complaint_id = ${id}`)).toEqual([])
    expect((await upload(elder, id, photo)).status).toBe(201)
    expect(await filesOf(id)).toHaveLength(1)
  })
})

describe('photo links (#4)', () => {
  it('live minutes, not an hour; answered with no-store; forged or swapped links refused', async () => {
    const id = await freshComplaint()
    for (let i = 0; i < 2; i++) expect((await upload(elder, id, await phonePhoto(60 + i, 40))).status).toBe(201)
    const { photos } = (await get(admin, `/api/complaints/${id}`)).body
    const link = photos[0].url as string
    const exp = Number(new URL(link, 'http://x').searchParams.get('exp'))
    expect(exp * 1000 - NOW.getTime()).toBeLessThanOrEqual(5 * MINUTE)
    const ok = await app.request.get(link)
    expect(ok.status).toBe(200)
    expect(ok.headers['cache-control']).toBe('no-store')
    expectError(await app.request.get(link.replace(/sig=[\w-]+/, `sig=${'A'.repeat(43)}`)), 403, 'FORBIDDEN')
    expectError(await app.request.get(link.replace(/complaint-photos\/\d+/, `complaint-photos/${photos[1].id}`)), 403, 'FORBIDDEN')
    now = new Date(NOW.getTime() + 4 * MINUTE)
    expect((await app.request.get(link)).status).toBe(200)
    now = new Date(NOW.getTime() + 5 * MINUTE + 1000)
    const expired = await app.request.get(link)
    expectError(expired, 403, 'FORBIDDEN')
    expect(expired.headers['cache-control']).toBe('no-store')
    // Lists carry no links; someone with no part in it sees nothing.
    expect((await get(admin, '/api/complaints')).body.complaints[0].photos).toBeUndefined()
    expectError(await get(otherAdmin, `/api/complaints/${id}`), 404, 'NOT_FOUND')
  })

  it('a link minted for a relative stops working the moment the binding is revoked; the elder’s keeps working', async () => {
    await query(app, sql`INSERT INTO users (role, name, phone) VALUES ('family', '外甥', '13911118001')`)
    const nephew = await app.login('13911118001')
    const { code } = (await post(elder, '/api/family/invitations', {})).body
    const bound = await post(nephew, '/api/family/bindings', { code, relation: '其他亲属' })
    expect(bound.status).toBe(201)
    const id = await freshComplaint(false)
    expect((await upload(nephew, id, await phonePhoto(50, 50))).status).toBe(201)
    const nephewLink = (await get(nephew, `/api/complaints/${id}`)).body.photos[0].url
    const elderLink = (await get(elder, `/api/complaints/${id}`)).body.photos[0].url
    expect((await app.request.get(nephewLink)).status).toBe(200)

    expect((await app.request.delete(`/api/family/bindings/${bound.body.id}`).set(bearer(elder))).status).toBe(200)
    const refused = await app.request.get(nephewLink)
    expectError(refused, 403, 'FORBIDDEN')
    expect(refused.headers['cache-control']).toBe('no-store')
    expect((await app.request.get(elderLink)).status).toBe(200)
    // A link names who it was made for: a relative's link never works as the elder's.
    expectError(await app.request.get(nephewLink.replace(/for=\d+/, 'for=5001')), 403, 'FORBIDDEN')
  })
})
