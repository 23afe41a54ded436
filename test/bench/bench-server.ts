/**
 * Child process of `npm run bench`: serves the real app on PORT and, on BASELINE_PORT, the baseline —
 * a bare Koa route doing one INSERT in a transaction on the same database with the same pool size.
 */
import Koa from 'koa'
import pino from 'pino'
import { loadConfig } from '../../server/src/config'
import { createDatabase } from '../../server/src/db/client'
import { createApp, createDeps } from '../../server/src/app'

const config = loadConfig({ ...process.env, NODE_ENV: 'test', AUTH_DEV_LOGIN: '1', H5_DIR: '' })
const database = createDatabase(config.databaseUrl, 20)
createApp(createDeps(config, database, pino({ level: 'silent' }))).listen(Number(process.env.PORT), '127.0.0.1')

const baselineDb = createDatabase(config.databaseUrl, 20)
const baseline = new Koa()
baseline.use(async (ctx) => {
  const conn = await baselineDb.pool.getConnection()
  try {
    await conn.beginTransaction()
    const [res] = await conn.query('INSERT INTO bench_baseline (note, created_at) VALUES (?, NOW(3))', ['baseline'])
    await conn.commit()
    ctx.status = 201
    ctx.body = { id: (res as { insertId: number }).insertId }
  } catch (e) {
    await conn.rollback()
    throw e
  } finally {
    conn.release()
  }
})
baseline.listen(Number(process.env.BASELINE_PORT), '127.0.0.1', () => process.send?.('ready'))
process.on('SIGTERM', () => process.exit(0))
