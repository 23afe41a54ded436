import { sql, type SQL } from 'drizzle-orm'
import { rows } from './test-database'
import type { TestApp } from './test-app'
import { bearer } from './test-app'

/** Tests book against a fixed "now": Monday 2026-11-23 08:00 in Shanghai; slots are the next day. */
export const NOW = new Date('2026-11-23T08:00:00+08:00')
export const fixedClock = () => NOW
export const SLOT = '2026-11-24T09:00:00+08:00'
export const CLEANING = 2 // 居家保洁, 60 min, housekeeping minutes

let keySeq = 0
export const newKey = () => `test-${process.pid}-${Date.now()}-${++keySeq}`

export function book(app: TestApp, token: string, body: Record<string, unknown>, key: string | null = newKey()) {
  const req = app.request.post('/api/orders').set(bearer(token))
  if (key !== null) req.set('Idempotency-Key', key)
  return req.send(body)
}

export function act(app: TestApp, token: string, id: number, action: string, body: Record<string, unknown> = {}) {
  return app.request.post(`/api/orders/${id}/${action}`).set(bearer(token)).send(body)
}

/** rows() on the test app's database. */
export const query = <T = any>(app: TestApp, q: SQL): Promise<T[]> => rows<T>(app.database, q)

/** Only station 1 serves, with `capacity` places per cleaning slot: a controlled stage for races. */
export async function onlyStationOne(app: TestApp, capacity: number) {
  await query(app, sql`UPDATE stations SET status = 'suspended' WHERE id <> 1`)
  await query(app, sql`UPDATE capacity_rules SET capacity = ${capacity} WHERE station_id = 1 AND category = 'cleaning'`)
  app.deps.stationIndex.invalidate()
  app.deps.stationFacts.invalidate()
}

/** `n` verified paid-tier elders living next to station 1, bound to a new family user; returns their ids and the user's token. */
export async function eldersNearStationOne(app: TestApp, n: number, phone: string, tier: 'paid' | 'low' = 'paid'): Promise<{ elderIds: number[]; token: string }> {
  await query(app, sql`INSERT INTO users (role, name, phone) VALUES ('family', '测试家属', ${phone})`)
  const [{ id: userId }] = await query<{ id: number }>(app, sql`SELECT id FROM users WHERE phone = ${phone}`)
  const elderIds: number[] = []
  for (let i = 0; i < n; i++) {
    await query(app, sql`INSERT INTO elders (name, birth_date, address, home_lat, home_lng, tier, tier_reason, tier_verified_by, tier_verified_at)
      SELECT ${`测试老人${i}`}, '1945-01-01', '测试地址', lat + 0.001, lng, ${tier}, ${tier === 'low' ? 'empty_nest' : 'none'}, 1, NOW(3) FROM stations WHERE id = 1`)
    const [{ id }] = await query<{ id: number }>(app, sql`SELECT LAST_INSERT_ID() AS id`)
    await query(app, sql`INSERT INTO family_links (elder_id, family_user_id, relation, consented_at) VALUES (${id}, ${userId}, '子女', NOW(3))`)
    elderIds.push(Number(id))
  }
  return { elderIds, token: await app.login(phone) }
}
