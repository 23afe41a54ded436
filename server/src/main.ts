import { loadConfig } from './config'
import { createDatabase } from './db/client'
import { createLogger } from './logger'
import { closeDeps, createApp, createDeps, depsReady } from './app'
import { purgeExpiredKeys } from './orders/purge-expired-keys'
import { startComplaintScheduler } from './complaints/sweep-deadlines'
import { startTierExpiryScheduler } from './eligibility/sweep-tier-expiries'
import { startCareRoundScheduler } from './care-rounds/sweep-rounds'
import { scrubText } from './log-redact'

/** Serves the API (and the H5 build when H5_DIR is set) on an already migrated database. */
export async function serve(config = loadConfig()) {
  const log = createLogger(config.logLevel)
  const database = createDatabase(config.databaseUrl)
  const deps = createDeps(config, database, log)
  await depsReady(deps)
  const app = createApp(deps)
  const server = app.listen(config.port, config.host)
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject))
  log.info({ port: config.port }, `颐邻 CareCircle at http://${config.host}:${config.port}`)
  // Hourly housekeeping; any process may do it, the DELETE is idempotent.
  const purge = () => purgeExpiredKeys(database.db, new Date()).catch((e) => log.warn({ err: e }, 'purging idempotency keys failed'))
  const timer = setInterval(purge, 3600_000).unref()
  void purge()
  // Complaint deadlines: escalations within a minute of falling due, on every process, each exactly once.
  const stopSweeps = startComplaintScheduler(deps, log)
  // Tier verifications that lapse: told a week ahead, priced as paid from the expiry.
  const stopTierSweeps = startTierExpiryScheduler(deps, log)
  // Care rounds: created a day before they fall due, each routed to the station whose circle covers the home.
  const stopRoundSweeps = startCareRoundScheduler(deps, log)
  const stop = () => {
    clearInterval(timer)
    stopSweeps()
    stopTierSweeps()
    stopRoundSweeps()
    closeDeps(deps)
    server.close(() => database.close().finally(() => process.exit(0)))
  }
  process.once('SIGINT', stop).once('SIGTERM', stop)
  return { server, database }
}

if (require.main === module) {
  serve().catch((e) => {
    console.error(scrubText(e instanceof Error ? e.message : String(e)))
    process.exit(1)
  })
}
