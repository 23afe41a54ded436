import mysql from 'mysql2/promise'
import { drizzle, type MySql2Database } from 'drizzle-orm/mysql2'
import * as schema from './schema'

export type Db = MySql2Database<typeof schema>
export interface Database {
  db: Db
  pool: mysql.Pool
  /**
   * The order path only (orders/booking-sql.ts): multipleStatements for fixed, placeholder-parameterised
   * batches (never user text in SQL) and no per-query stack capture, to save round trips and CPU.
   */
  batchPool: mysql.Pool
  close(): Promise<void>
}

/** The one connection pool. UTC on the wire: datetime columns hold UTC instants. */
export function createDatabase(url: string, connectionLimit = 20): Database {
  const options = { uri: url, timezone: 'Z', connectionLimit, connectTimeout: 3000, enableKeepAlive: true, charset: 'utf8mb4' }
  const pool = mysql.createPool(options)
  const batchPool = mysql.createPool({ ...options, multipleStatements: true, trace: false })
  const db = drizzle(pool, { schema, mode: 'default' })
  return { db, pool, batchPool, close: async () => void (await Promise.all([pool.end(), batchPool.end()])) }
}

export function databaseName(url: string): string {
  const name = new URL(url).pathname.replace(/^\//, '')
  if (!/^\w{1,64}$/.test(name)) throw new Error(`DATABASE_URL must name a database (letters, digits, _): got "${name}"`)
  return name
}

/** The same server without the database part, for CREATE/DROP DATABASE. */
export function serverUrl(url: string): string {
  const u = new URL(url)
  u.pathname = '/'
  return u.toString()
}
