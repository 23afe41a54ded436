/**
 * `npm run bench`: (a) routing decisions at 100,000 stations nationwide and 2,000 in one city;
 * (b) POST /api/orders at 50 concurrent clients against real MariaDB, next to a bare INSERT-in-a-transaction
 * baseline measured in the same run; (c) the supervisor's complaint desk over 1,000,000 generated complaints; (d) the care
 * map's coverage of 1,000,000 elders against 10,000 stations (pure, no database). Prints a table and writes it to
 * test-results/bench.md. BENCH_ONLY=coverage runs (d) alone.
 */
import fs from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { createDatabase } from '../../server/src/db/client'
import { createDatabaseIfMissing, dropDatabase, migrateDatabase } from '../../server/src/db/migrate'
import { seedDemo } from '../../server/src/seed/seed-demo'
import { benchRouting } from './routing-bench'
import { nationwideStations, oneCityStations } from './synthetic-stations'
import { cannon, databasePid, orderRequests, prepareOrders, startBenchServer, type HttpFigures } from './orders-bench'
import { benchDesk, generateComplaints } from './complaints-bench'
import { benchCoverage, type CoverageFigures } from './coverage-bench'

/** Complaints generated for the supervisor's desk (BENCH_COMPLAINTS to change). */
const COMPLAINTS = Number(process.env.BENCH_COMPLAINTS ?? 1_000_000)

const ELDERS = 3000
const PORT = 3901
const BASELINE_PORT = 3902

const cpu = (f: HttpFigures) => (f.serverCpuUs === null ? 'not measured' : `${f.serverCpuUs} µs / ${f.dbCpuUs ?? '?'} µs`)

const coverageLine = (c: CoverageFigures) =>
  `Care map coverage (pure computeCoverage, no database): ${c.elders.toLocaleString('en')} elders × ${c.stations.toLocaleString('en')} stations in ${c.bestMs} ms best / ${c.medianMs} ms median of 5 runs, ` +
  `kd-tree build over the homes included, data generation not; ${(c.share * 100).toFixed(1)} % covered. Target < 2,000 ms: ${c.medianMs < 2000 ? 'met' : 'MISSED'}.`

async function main() {
  console.log('coverage: 1,000,000 elders against 10,000 stations…')
  const coverage = benchCoverage()
  console.log(coverageLine(coverage))
  if (process.env.BENCH_ONLY === 'coverage') return
  console.log('routing: building indexes and timing 50,000 decisions each…')
  const nation = benchRouting(nationwideStations(100_000))
  const city = benchRouting(oneCityStations(2_000))

  const url = new URL(process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/carecircle')
  url.pathname = `/cc_bench_${randomBytes(4).toString('hex')}`
  await createDatabaseIfMissing(url.toString())
  const database = createDatabase(url.toString(), 4)
  let server: { stop(): void; pid: number } | undefined
  try {
    console.log('orders: preparing the database…')
    await migrateDatabase(database)
    await seedDemo(database.db, { elders: 60 })
    await prepareOrders(database, ELDERS)
    server = await startBenchServer(url.toString(), PORT, BASELINE_PORT)
    const login = await fetch(`http://127.0.0.1:${PORT}/api/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: '13999999999' }) })
    const { token } = (await login.json()) as { token: string }

    console.log('orders: warming up, then 10 s each at 50 connections…')
    const pids = { server: server.pid, db: databasePid() }
    await cannon('warm-up', { url: `http://127.0.0.1:${BASELINE_PORT}`, method: 'POST', duration: 3 }, pids)
    const baseline = await cannon('baseline: bare Koa, one INSERT in a transaction', { url: `http://127.0.0.1:${BASELINE_PORT}`, method: 'POST' }, pids)
    // Warmed up like the baseline; the same request generator goes on, so no visit is booked twice.
    const requests = orderRequests(token, ELDERS)
    await cannon('warm-up', { url: `http://127.0.0.1:${PORT}`, requests, duration: 3 }, pids)
    const orders = await cannon('POST /api/orders (route, price, write with guards)', { url: `http://127.0.0.1:${PORT}`, requests }, pids)

    // Throughput of refused orders is not throughput: any failure makes the figure invalid.
    if (orders.failed > 0 || orders.ok === 0) throw new Error(`POST /api/orders: ${orders.failed} of ${orders.ok + orders.failed} requests failed; the figures would be meaningless`)
    const ratio = orders.requestsPerSecond / baseline.requestsPerSecond

    server.stop()
    server = undefined
    console.log(`complaints: generating ${COMPLAINTS.toLocaleString('en')} complaints, then timing the desk's pages…`)
    const generatedAt = performance.now()
    await generateComplaints(database, COMPLAINTS, new Date())
    const generateSeconds = Math.round((performance.now() - generatedAt) / 1000)
    const desk = await benchDesk(url.toString(), database)
    const table = [
      '| measure | stations | per second | p50 | p99 | target |',
      '| --- | ---: | ---: | ---: | ---: | --- |',
      `| routing decision, nationwide | ${nation.stations.toLocaleString('en')} | ${nation.perSecond.toLocaleString('en')} | ${nation.p50us} µs | ${nation.p99us} µs | p99 < 200 µs: ${nation.p99us < 200 ? 'met' : 'MISSED'} |`,
      `| routing decision, one city | ${city.stations.toLocaleString('en')} | ${city.perSecond.toLocaleString('en')} | ${city.p50us} µs | ${city.p99us} µs | |`,
      `| ${baseline.name} | | ${baseline.requestsPerSecond} | ${baseline.p50ms} ms | ${baseline.p99ms} ms | baseline |`,
      `| ${orders.name} | 30 | ${orders.requestsPerSecond} | ${orders.p50ms} ms | ${orders.p99ms} ms | ≥ 0.5 × baseline: ${ratio.toFixed(2)} × ${ratio >= 0.5 ? 'met' : 'MISSED'}; p99 < 100 ms: ${orders.p99ms < 100 ? 'met' : 'MISSED'} |`,
      '',
      `CPU per request (server process / MariaDB): baseline ${cpu(baseline)}; orders ${cpu(orders)}.`,
      '',
      `Supervisor's desk, GET /api/complaints' use case over ${COMPLAINTS.toLocaleString('en')} complaints (generated in ${generateSeconds} s), 200 runs each, 20 rows a page:`,
      '',
      '| desk query | p50 | p99 | target (p99) |',
      '| --- | ---: | ---: | --- |',
      ...desk.map((d) => {
        const limit = d.name.startsWith('per-station figures') ? 500 : 50
        return `| ${d.name} | ${d.p50ms} ms | ${d.p99ms} ms | < ${limit} ms: ${d.p99ms < limit ? 'met' : 'MISSED'} |`
      }),
      '',
      coverageLine(coverage),
      '',
      `Orders: ${orders.ok} created, ${orders.failed} failed; baseline: ${baseline.ok} inserts, ${baseline.failed} failed. Routing: ${nation.routed}/${nation.decisions} and ${city.routed}/${city.decisions} homes routed; index build ${nation.buildMs} ms / ${city.buildMs} ms.`,
    ].join('\n')
    console.log(`\n${table}\n`)
    const out = path.resolve(__dirname, '../../test-results/bench.md')
    fs.mkdirSync(path.dirname(out), { recursive: true })
    fs.writeFileSync(out, `# npm run bench — ${new Date().toISOString()}\n\n${table}\n`)
  } finally {
    server?.stop()
    await database.close()
    await dropDatabase(url.toString())
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
