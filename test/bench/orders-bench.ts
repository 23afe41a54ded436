import { fork } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import autocannon from 'autocannon'
import { sql } from 'drizzle-orm'
import { businessDate, businessDayStart, toBusinessIso } from '@carecircle/shared'
import type { Database } from '../../server/src/db/client'

export interface HttpFigures {
  name: string
  requestsPerSecond: number
  p50ms: number
  p99ms: number
  ok: number
  failed: number
  /** CPU time per request, in µs, of the server process and of MariaDB (Linux /proc; null elsewhere). */
  serverCpuUs: number | null
  dbCpuUs: number | null
}

/** utime + stime of a process in ms, from /proc (null where there is no /proc or no such process). */
function cpuMs(pid: number | null): number | null {
  if (!pid) return null
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 // USER_HZ is 100 on Linux
  } catch {
    return null
  }
}

/** The local MariaDB/MySQL server process, if it runs on this machine. */
export function databasePid(): number | null {
  try {
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue
      const comm = fs.readFileSync(`/proc/${d}/comm`, 'utf8').trim()
      if (comm === 'mariadbd' || comm === 'mysqld') return Number(d)
    }
  } catch {}
  return null
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
        ${n % 2 ? 'low' : 'paid'}, ${n % 2 ? 'empty_nest' : 'none'}, 1, NOW(3))`
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

export async function cannon(name: string, opts: autocannon.Options, pids: { server: number; db: number | null }): Promise<HttpFigures> {
  const before = [cpuMs(pids.server), cpuMs(pids.db)]
  const r = await autocannon({ connections: 50, duration: 10, ...opts })
  const after = [cpuMs(pids.server), cpuMs(pids.db)]
  const perRequest = (i: number) => (before[i] === null || after[i] === null || r.requests.total === 0 ? null : Math.round(((after[i]! - before[i]!) * 1000) / r.requests.total))
  return {
    name, requestsPerSecond: Math.round(r.requests.average), p50ms: r.latency.p50, p99ms: r.latency.p99, ok: r['2xx'], failed: r.non2xx + r.errors + r.timeouts,
    serverCpuUs: perRequest(0), dbCpuUs: perRequest(1),
  }
}

/**
 * Each request a new elder/slot pair and a new Idempotency-Key, as real confirm screens would send.
 * Slots start tomorrow (business time), so every one is bookable whenever the bench runs.
 */
export function orderRequests(token: string, elders: number, now = new Date()) {
  let i = 0
  const hours = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17]
  const tomorrow = businessDayStart(businessDate(new Date(now.getTime() + 86_400_000))).getTime()
  return [
    {
      method: 'POST' as const,
      path: '/api/orders',
      setupRequest: (req: any) => {
        const n = i++
        const elderId = 100_000 + (n % elders)
        const round = Math.floor(n / elders)
        const day = Math.floor(round / hours.length)
        const slotStart = toBusinessIso(new Date(tomorrow + day * 86_400_000 + hours[round % hours.length] * 3_600_000))
        req.headers = { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': `bench-${process.pid}-${n}` }
        req.body = JSON.stringify({ elderId, serviceId: 2, slotStart })
        return req
      },
    },
  ]
}
