import { randomBytes } from 'node:crypto'
import type { SQL } from 'drizzle-orm'
import { createDatabase, type Database } from '../../server/src/db/client'
import { createDatabaseIfMissing, dropDatabase, migrateDatabase } from '../../server/src/db/migrate'
import { seedDemo } from '../../server/src/seed/seed-demo'

/** The MariaDB server tests use: DATABASE_URL's host, user and password if set (CI), else local root. */
export function testServerUrl(env: NodeJS.ProcessEnv = process.env): URL {
  return new URL(env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/carecircle')
}

/** A fresh database on the test server, named cc_test_<random>, so test files never see each other's rows. */
export function freshDatabaseUrl(): string {
  const url = testServerUrl()
  url.pathname = `/cc_test_${randomBytes(5).toString('hex')}`
  return url.toString()
}

export interface TestDatabase {
  url: string
  database: Database
  /** Closes the pool and drops the database. */
  drop(): Promise<void>
}

/** Create → migrate → seed the demo district (a smaller number of elders keeps it quick). */
export async function createTestDatabase(opts: { elders?: number; history?: boolean } = {}): Promise<TestDatabase> {
  const url = freshDatabaseUrl()
  await createDatabaseIfMissing(url)
  const database = createDatabase(url, 5)
  try {
    await migrateDatabase(database)
    await seedDemo(database.db, { elders: opts.elders ?? 60, history: opts.history })
  } catch (e) {
    await database.close().catch(() => {})
    await dropDatabase(url)
    throw e
  }
  return {
    url,
    database,
    async drop() {
      await database.close().catch(() => {})
      await dropDatabase(url)
    },
  }
}

/** Rows of a raw SQL query on a test database (drizzle's execute returns [rows, fields] on mysql2). */
export async function rows<T = Record<string, any>>(database: Database, query: SQL): Promise<T[]> {
  const [result] = (await database.db.execute(query)) as unknown as [T[]]
  return result
}
