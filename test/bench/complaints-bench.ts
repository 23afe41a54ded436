import { sql } from 'drizzle-orm'
import pino from 'pino'
import type { ComplaintsQuery } from '@carecircle/shared'
import type { Database } from '../../server/src/db/client'
import { loadConfig } from '../../server/src/config'
import { closeDeps, createDeps } from '../../server/src/app'
import { listComplaints } from '../../server/src/complaints/list-complaints'
import { reportStationFigures } from '../../server/src/supervision/report-station-figures'

export interface DeskFigure {
  name: string
  p50ms: number
  p99ms: number
  rows: number
}

const CATEGORIES = ['fee', 'quality', 'attitude', 'no_show', 'safety', 'other']
/** Most complaints are old and settled; a few are open (weights out of 20). */
const STATUSES = [...Array(14).fill('closed'), 'resolved', 'resolved', 'acknowledged', 'submitted', 'escalated', 'reopened']

/**
 * `count` complaints spread over the last year across the seeded stations, inserted by one INSERT … SELECT over a
 * 1,000-row number table joined with itself (SQL MySQL 8 and MariaDB share; ~1,000,000 rows in well under a minute).
 * Ids grow with created_at, as they do in production.
 */
export async function generateComplaints(database: Database, count: number, now: Date): Promise<void> {
  const run = (q: ReturnType<typeof sql>) => database.db.execute(q)
  await run(sql`CREATE TABLE bench_n (n INT PRIMARY KEY)`)
  await run(sql.raw(`INSERT INTO bench_n (n) VALUES ${Array.from({ length: 1000 }, (_, i) => `(${i})`).join(',')}`))
  const [[stationRow]] = (await database.pool.query('SELECT COUNT(*) AS n FROM stations')) as any
  const [[elderRow]] = (await database.pool.query("SELECT MIN(id) AS lo, COUNT(*) AS n FROM users WHERE role = 'elder'")) as any
  const stations = Number(stationRow.n)
  const yearMs = 365 * 86_400_000
  const startMs = now.getTime() - yearMs
  const cats = CATEGORIES.map((c) => `'${c}'`).join(',')
  const sts = STATUSES.map((s) => `'${s}'`).join(',')
  // k = a.n * 1000 + b.n runs 0 … count-1 in id order; created_at grows with k.
  await database.pool.query(
    `INSERT INTO complaints (complainant_user_id, elder_id, order_id, station_id, operator_id, category, status, content, anonymous, evidence,
       ack_due_at, resolve_due_at, late, created_at, updated_at)
     SELECT ${Number(elderRow.lo)} + MOD(k, ${Number(elderRow.n)}), NULL, NULL, 1 + MOD(k * 7, ${stations}),
       (SELECT operator_id FROM stations s WHERE s.id = 1 + MOD(k * 7, ${stations})),
       ELT(1 + MOD(k, 6), ${cats}), ELT(1 + MOD(k * 13, 20), ${sts}), '压测生成的投诉内容', MOD(k, 5) = 0, NULL,
       t + INTERVAL 1 DAY, t + INTERVAL 7 DAY, MOD(k, 17) = 0, t, t
     FROM (SELECT a.n * 1000 + b.n AS k, FROM_UNIXTIME(${startMs / 1000} + (a.n * 1000 + b.n) * ${yearMs / 1000 / count}) AS t
           FROM bench_n a CROSS JOIN bench_n b WHERE a.n * 1000 + b.n < ${count}) AS g
     ORDER BY k`, // here, not inside the derived table (where MariaDB drops it): ids must grow with created_at
  )
  await run(sql`DROP TABLE bench_n`)
  // The desk reads a date range as an id range: figures over data that broke that would mean nothing.
  const [[order]] = (await database.pool.query('SELECT COUNT(*) AS n FROM complaints c1 JOIN complaints c2 ON c2.id = c1.id + 1 WHERE c2.created_at < c1.created_at')) as any
  if (Number(order.n) > 0) throw new Error(`generated complaints: ${order.n} ids out of created_at order`)
  await run(sql`ANALYZE TABLE complaints`)
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

/**
 * The supervisor's desk over the generated complaints, in process through the same use case the route calls:
 * the first page and a page 10,000 rows deep (its cursor found beforehand, untimed) for each filter.
 */
export async function benchDesk(databaseUrl: string, database: Database, runs = 200): Promise<DeskFigure[]> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', DATABASE_URL: databaseUrl, H5_DIR: '' })
  const deps = createDeps(config, database, pino({ level: 'silent' }))
  const auth = { userId: 1, role: 'supervisor' as const, stationId: null }
  const [[op]] = (await database.pool.query('SELECT operator_id AS id FROM stations WHERE id = 3')) as any
  const filters: [string, Partial<ComplaintsQuery>][] = [
    ['no filter', {}],
    ['status = submitted', { status: 'submitted' }],
    ['station 3', { stationId: 3 }],
    [`operator of station 3`, { operatorId: Number(op.id) }],
    ['category = fee', { category: 'fee' }],
    ['overdue (late)', { overdue: true }],
    ['last 90 days', { from: new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10) }],
  ]
  const out: DeskFigure[] = []
  try {
    // Per-station figures for one month (about 83,000 of the generated complaints), 30 runs.
    const month = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 7)
    const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate()
    const figures: number[] = []
    for (let i = 0; i < 30; i++) {
      const t = performance.now()
      await reportStationFigures(deps, { from: `${month}-01`, to: `${month}-${last}` })
      figures.push(performance.now() - t)
    }
    figures.sort((a, b) => a - b)
    out.push({ name: `per-station figures for ${month}`, p50ms: round(percentile(figures, 50)), p99ms: round(percentile(figures, 99)), rows: 30 })
    for (const [name, q] of filters) {
      // Where the page after the first 10,000 rows starts: followed page by page beforehand, untimed.
      const cursor = await pageAt(deps, auth, q, 10_000)
      for (const [label, extra] of [['first page', {}], ['10,000 rows deep', cursor ? { cursor } : null]] as const) {
        if (extra === null) continue
        const times: number[] = []
        let rows = 0
        for (let i = 0; i < runs; i++) {
          const t = performance.now()
          const res = await listComplaints(deps, auth, { ...q, ...extra, limit: 20 } as ComplaintsQuery)
          times.push(performance.now() - t)
          rows = res.complaints.length
        }
        times.sort((a, b) => a - b)
        out.push({ name: `${name}, ${label}`, p50ms: round(percentile(times, 50)), p99ms: round(percentile(times, 99)), rows })
      }
    }
  } finally {
    closeDeps(deps)
  }
  return out
}

/** The cursor that starts the page after `depth` rows of this filter (the id of the depth-th row). */
async function pageAt(deps: ReturnType<typeof createDeps>, auth: { userId: number; role: 'supervisor'; stationId: null }, q: Partial<ComplaintsQuery>, depth: number): Promise<number | null> {
  let cursor: number | undefined
  let seen = 0
  while (seen < depth) {
    const res = await listComplaints(deps, auth, { ...q, cursor, limit: 100 } as ComplaintsQuery)
    if (res.complaints.length === 0) return null
    seen += res.complaints.length
    cursor = res.complaints[res.complaints.length - 1].id
    if (!res.nextCursor) return null
  }
  return cursor ?? null
}

const round = (ms: number) => Math.round(ms * 100) / 100
