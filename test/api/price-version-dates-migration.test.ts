/**
 * The data fix of issue 15 item 8: price versions stored with an effective time outside the years 2000–2099 (business
 * time) before the API refused them. Bad rows are written with raw SQL on a database migrated up to just before the
 * fix, then the remaining migrations run as on any deployment.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { migrate } from 'drizzle-orm/mysql2/migrator'
import { createDatabase, type Database } from '../../server/src/db/client'
import { MIGRATIONS_DIR, createDatabaseIfMissing, dropDatabase, migrateDatabase } from '../../server/src/db/migrate'
import { freshDatabaseUrl, rows } from '../helpers/test-database'

const FIX = /_price_version_dates$/

/** A copy of the migrations folder whose journal stops just before the fix. */
function migrationsBeforeFix(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-migrations-'))
  fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true })
  const journalPath = path.join(dir, 'meta', '_journal.json')
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] }
  const at = journal.entries.findIndex((e) => FIX.test(e.tag))
  expect(at).toBeGreaterThan(0)
  journal.entries = journal.entries.slice(0, at)
  fs.writeFileSync(journalPath, JSON.stringify(journal))
  return dir
}

const url = freshDatabaseUrl()
let database: Database
beforeAll(async () => {
  await createDatabaseIfMissing(url)
  database = createDatabase(url, 2)
})
afterAll(async () => {
  await database?.close().catch(() => {})
  await dropDatabase(url)
})

test('published versions dated after 2099 become drafts (audited), out-of-range drafts are dated now, the rest is untouched', async () => {
  await migrate(database.db, { migrationsFolder: migrationsBeforeFix() })
  const insert = (id: number, status: string, effectiveFrom: string, publishedAt: string | null) =>
    database.db.execute(sql`INSERT INTO price_versions (id, station_id, status, effective_from, published_by, published_at) VALUES (${id}, 1, ${status}, ${effectiveFrom}, 7, ${publishedAt})`)
  await insert(1, 'published', '2026-11-01 00:00:00', '2026-10-30 00:00:00') // in force
  await insert(2, 'published', '9999-12-31 16:00:00', '2026-11-20 00:00:00') // read as "10000-01-01"
  await insert(3, 'published', '2099-12-31 16:00:00', '2026-11-20 00:00:00') // 2100-01-01 in Shanghai
  await insert(4, 'published', '2099-12-31 15:59:59', '2026-11-20 00:00:00') // the last second of 2099: kept
  await insert(5, 'draft', '1000-01-01 00:00:00', null)
  await insert(6, 'draft', '9999-12-31 23:59:59', null)
  await insert(7, 'draft', '2027-01-01 00:00:00', null)
  await insert(8, 'published', '1999-06-01 00:00:00', '1999-05-01 00:00:00') // before 2000: history, kept

  const before = Date.now()
  await migrateDatabase(database)
  const after = Date.now()

  const got = await rows<{ id: number; status: string; effective_from: string; published_at: string | null; published_by: number }>(database, sql`SELECT id, status, DATE_FORMAT(effective_from, '%Y-%m-%d %H:%i:%s') AS effective_from, published_at, published_by FROM price_versions ORDER BY id`)
  const byId = new Map(got.map((r) => [Number(r.id), r]))
  const isNow = (utc: string) => Date.parse(`${utc.replace(' ', 'T')}Z`) >= before - 2000 && Date.parse(`${utc.replace(' ', 'T')}Z`) <= after + 2000
  for (const id of [2, 3]) {
    expect(byId.get(id)).toMatchObject({ status: 'draft', published_at: null, published_by: 7 })
    expect(isNow(byId.get(id)!.effective_from)).toBe(true)
  }
  for (const id of [5, 6]) {
    expect(byId.get(id)!.status).toBe('draft')
    expect(isNow(byId.get(id)!.effective_from)).toBe(true)
  }
  expect(byId.get(1)).toMatchObject({ status: 'published', effective_from: '2026-11-01 00:00:00' })
  expect(byId.get(4)).toMatchObject({ status: 'published', effective_from: '2099-12-31 15:59:59' })
  expect(byId.get(7)).toMatchObject({ status: 'draft', effective_from: '2027-01-01 00:00:00' })
  expect(byId.get(8)).toMatchObject({ status: 'published', effective_from: '1999-06-01 00:00:00' })

  const audit = await rows<{ entity_id: number; action: string; detail: unknown }>(database, sql`SELECT entity_id, action, detail FROM audit_log WHERE entity = 'price_version' ORDER BY entity_id`)
  expect(audit.map((a) => [Number(a.entity_id), a.action])).toEqual([[2, 'price.unpublish_bad_date'], [3, 'price.unpublish_bad_date']])
  const detail = (a: { detail: unknown }) => (typeof a.detail === 'string' ? JSON.parse(a.detail) : a.detail)
  expect(detail(audit[0]!)).toEqual({ stationId: 1, effectiveFrom: '9999-12-31T16:00:00.000Z' })
})
