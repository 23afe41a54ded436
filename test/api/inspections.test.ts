import { sql } from 'drizzle-orm'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { DEMO_PHONES, adminPhone } from '../../server/src/seed/seed-demo'
import { NOW, query } from '../helpers/booking'
import { expectError } from '../helpers/expect-error'
import { drawStations } from '../../server/src/supervision/draw-stations'

let app: TestApp
let supervisor: string
beforeAll(async () => {
  app = await startTestApp({ clock: () => NOW })
  supervisor = await app.login(DEMO_PHONES.supervisor)
})
afterAll(() => app.close())

const draw = (token: string, body: Record<string, unknown>) => app.request.post('/api/inspection-draws').set(bearer(token)).send(body)

describe('双随机抽查', () => {
  it('draws N active stations with a recorded seed that replays the same draw', async () => {
    await query(app, sql`UPDATE stations SET status = 'suspended' WHERE id = 7`)
    const res = await draw(supervisor, { count: 4, seed: 'jiangyang-2026-12' })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ seed: 'jiangyang-2026-12', candidateCount: 29 })
    const drawn = res.body.inspections.map((i: any) => i.station.id)
    expect(drawn).toHaveLength(4)
    expect(drawn).not.toContain(7)
    const [{ candidate_ids }] = await query(app, sql`SELECT candidate_ids FROM inspection_draws WHERE id = ${res.body.id}`)
    const candidates = typeof candidate_ids === 'string' ? JSON.parse(candidate_ids) : candidate_ids
    expect(drawStations(candidates, 'jiangyang-2026-12', 4)).toEqual(drawn)
    const again = await draw(supervisor, { count: 4, seed: 'jiangyang-2026-12' })
    expect(again.body.inspections.map((i: any) => i.station.id)).toEqual(drawn)
    const chosen = await draw(supervisor, { count: 2 })
    expect(chosen.body.seed).toMatch(/^[\w-]{16}$/)
    const audit = await query(app, sql`SELECT action FROM audit_log WHERE entity = 'inspection_draw' AND entity_id = ${res.body.id}`)
    expect(audit.map((a) => a.action)).toEqual(['inspection.draw'])
  })

  it('records each result once and shows it on the station’s public price board', async () => {
    const res = await draw(supervisor, { count: 1, seed: 'one-station-draw' })
    const inspection = res.body.inspections[0]
    const record = (body: Record<string, unknown>) => app.request.post(`/api/inspections/${inspection.id}/result`).set(bearer(supervisor)).send(body)
    expectError(await record({ result: 'excellent', notes: '很好' }), 400, 'VALIDATION_FAILED')
    expectError(await record({ result: 'pass' }), 400, 'VALIDATION_FAILED')
    const done = await record({ result: 'rectify', notes: '价格公示牌未更新，限 7 日内整改' })
    expect(done.status).toBe(200)
    expect(done.body.inspections[0]).toMatchObject({ result: 'rectify', resultLabel: '限期整改' })
    expectError(await record({ result: 'pass', notes: '改成合格' }), 409, 'ILLEGAL_TRANSITION')
    const board = await app.request.get(`/api/stations/${inspection.station.id}/price-board`)
    expect(board.body.inspections).toEqual([{ inspectedAt: '2026-11-23T08:00:00+08:00', result: 'rectify', resultLabel: '限期整改', notes: '价格公示牌未更新，限 7 日内整改' }])
  })

  it('is the supervisor’s alone, and refuses bad input', async () => {
    for (const phone of [DEMO_PHONES.elderFree, DEMO_PHONES.family, adminPhone(1), DEMO_PHONES.staffStation1]) {
      expectError(await draw(await app.login(phone), { count: 2 }), 403, 'FORBIDDEN')
    }
    expectError(await app.request.post('/api/inspection-draws').send({ count: 2 }), 401, 'UNAUTHENTICATED')
    for (const body of [{ count: 0 }, { count: 51 }, { count: 2.5 }, { count: 2, seed: 'short' }, { count: 2, seed: 'x'.repeat(65) }, {}]) {
      expectError(await draw(supervisor, body), 400, 'VALIDATION_FAILED')
    }
    expectError(await app.request.get('/api/inspection-draws/999999').set(bearer(supervisor)), 404, 'NOT_FOUND')
    expectError(await app.request.post('/api/inspections/999999/result').set(bearer(supervisor)).send({ result: 'pass', notes: '合格' }), 404, 'NOT_FOUND')
  })
})
