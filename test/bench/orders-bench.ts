import { fork } from 'node:child_process'
import path from 'node:path'
import autocannon from 'autocannon'
import { sql } from 'drizzle-orm'
import type { Database } from '../../server/src/db/client'

export interface HttpFigures {
  name: string
  requestsPerSecond: number
  p50ms: number
  p99ms: number
  ok: number
  failed: number
}

/** Room for every request: many elders around the stations, no slot capacity limit. */
export async function prepareOrders(database: Database, elders: number) {
  const run = (q: ReturnType<typeof sql>) => database.db.execute(q)
  await run(sql`CREATE TABLE bench_baseline (id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, note VARCHAR(20) NOT NULL, created_at DATETIME(3) NOT NULL)`)
  await run(sql`UPDATE capacity_rules SET capacity = 30000`)
  await run(sql`INSERT INTO users (id, role, name, phone) VALUES (9900, 'family', '压测家属', '13999999999')`)
  for (let i = 0; i < elders; i += 500) {
    const values = Array.from({ length: Math.min(500, elders - i) }, (_, k) => {
      const n = i + k
      // Spread over the 30 demo stations, ~300 m away, half of them low-tier (purchased minutes in play).
      return sql`(${100_000 + n}, ${`压测老人${n}`}, '1946-01-01', '压测地址',
        (SELECT lat FROM stations WHERE id = ${(n % 30) + 1}) + 0.002, (SELECT lng FROM stations WHERE id = ${(n % 30) + 1}),
        ${n % 2 ? 'low' : 'paid'}, 'none', 1, NOW(3))`
    })
    await run(sql`INSERT INTO elders (id, name, birth_date, address, home_lat, home_lng, tier, tier_reason, tier_verified_by, tier_verified_at) VALUES ${sql.join(values, sql`, `)}`)
    await run(sql`INSERT INTO family_links (elder_id, family_user_id, relation, consented_at) SELECT id, 9900, '子女', NOW(3) FROM elders WHERE id >= ${100_000 + i} AND id < ${100_000 + i + 500}`)
  }
}

export function startBenchServer(databaseUrl: string, port: number, baselinePort: number) {
  const child = fork(path.join(__dirname, 'bench-server.ts'), [], {
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : [])],
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), BASELINE_PORT: String(baselinePort), TOKEN_SECRET: 'bench-secret-bench-secret-bench-secret-1234' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  return new Promise<{ stop(): void; pid: number }>((resolve, reject) => {
    child.once('message', () => resolve({ stop: () => child.kill(), pid: child.pid! }))
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)))
  })
}

export async function cannon(name: string, opts: autocannon.Options): Promise<HttpFigures> {
  const r = await autocannon({ connections: 50, duration: 10, ...opts })
  return { name, requestsPerSecond: Math.round(r.requests.average), p50ms: r.latency.p50, p99ms: r.latency.p99, ok: r['2xx'], failed: r.non2xx + r.errors + r.timeouts }
}

/** Each request a new elder/slot pair and a new Idempotency-Key, as real confirm screens would send. */
export function orderRequests(token: string, elders: number) {
  let i = 0
  const hours = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17]
  return [
    {
      method: 'POST' as const,
      path: '/api/orders',
      setupRequest: (req: any) => {
        const n = i++
        const elderId = 100_000 + (n % elders)
        const round = Math.floor(n / elders)
        const day = 24 + Math.floor(round / hours.length)
        const slotStart = `2026-11-${day}T${String(hours[round % hours.length]).padStart(2, '0')}:00:00+08:00`
        req.headers = { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': `bench-${process.pid}-${n}` }
        req.body = JSON.stringify({ elderId, serviceId: 2, slotStart })
        return req
      },
    },
  ]
}
