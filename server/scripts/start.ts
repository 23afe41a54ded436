/**
 * `npm start`: a working product on a fresh machine — create the database if missing, migrate,
 * seed the demo district, build the H5 mini-program if needed, serve API + H5.
 */
import path from 'node:path'
import fs from 'node:fs'
import { spawnSync } from 'node:child_process'
import { loadConfig } from '../src/config'
import { createDatabase } from '../src/db/client'
import { createDatabaseIfMissing, migrateDatabase } from '../src/db/migrate'
import { isDbUnavailable } from '../src/errors'
import { seedDemo } from '../src/seed/seed-demo'
import { serve } from '../src/main'

const ROOT = path.resolve(__dirname, '../..')
const H5_DIR = path.join(ROOT, 'miniapp/dist/h5')

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs)
  }
  return newest
}

function buildH5IfStale() {
  const index = path.join(H5_DIR, 'index.html')
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0
  const sources = Math.max(newestMtime(path.join(ROOT, 'miniapp/src')), newestMtime(path.join(ROOT, 'shared/src')), newestMtime(path.join(ROOT, 'miniapp/config')))
  if (built > sources) return
  console.log('正在构建 H5 小程序（约半分钟）…')
  const r = spawnSync('npm', ['run', 'build:h5'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
  if (r.status !== 0) throw new Error('H5 构建失败，请查看上面的错误信息')
}

async function main() {
  const config = loadConfig({ AUTH_DEV_LOGIN: '1', ...process.env })
  try {
    await createDatabaseIfMissing(config.databaseUrl)
  } catch (e) {
    if (!isDbUnavailable(e) && !(e as any)?.code?.startsWith?.('ER_')) throw e
    const where = new URL(config.databaseUrl)
    console.error(`Cannot reach MySQL/MariaDB at ${where.host} (${(e as any).code}): start it (e.g. \`service mariadb start\`) or set DATABASE_URL, then run npm start again.`)
    process.exit(1)
  }
  const database = createDatabase(config.databaseUrl, 2)
  await migrateDatabase(database)
  if (await seedDemo(database.db, { history: true })) console.log('已写入演示数据（泸州市江阳区）')
  await database.close()
  buildH5IfStale()
  await serve({ ...config, h5Dir: H5_DIR })
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
