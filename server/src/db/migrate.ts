import path from 'node:path'
import mysql from 'mysql2/promise'
import { migrate } from 'drizzle-orm/mysql2/migrator'
import { databaseName, serverUrl, type Database } from './client'

export const MIGRATIONS_DIR = path.join(__dirname, 'migrations')

export async function createDatabaseIfMissing(url: string): Promise<void> {
  const conn = await mysql.createConnection({ uri: serverUrl(url), connectTimeout: 3000 })
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${databaseName(url)}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`)
  } finally {
    await conn.end()
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const conn = await mysql.createConnection({ uri: serverUrl(url), connectTimeout: 3000 })
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${databaseName(url)}\``)
  } finally {
    await conn.end()
  }
}

export async function migrateDatabase(database: Database): Promise<void> {
  await migrate(database.db, { migrationsFolder: MIGRATIONS_DIR })
}
