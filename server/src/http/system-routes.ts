import Router from '@koa/router'
import { z } from 'zod'
import { defineRoute } from './route'
import { buildOpenApi } from './openapi'
import type { AppDeps } from '../app'

const ZHealth = z.object({ status: z.enum(['ok', 'degraded']), db: z.enum(['up', 'down']) })

/** SELECT 1 with a deadline: a database that accepts connections but no longer answers must not hang health. */
async function pingDatabase(pool: AppDeps['database']['pool'], ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('database ping timed out')), ms)))
  const ping = async () => {
    const conn = await pool.getConnection()
    try {
      await conn.query({ sql: 'SELECT 1', timeout: ms })
      conn.release()
    } catch (e) {
      conn.destroy()
      throw e
    }
  }
  try {
    await Promise.race([ping(), deadline])
  } finally {
    clearTimeout(timer)
  }
}

export function systemRoutes({ database }: AppDeps): Router {
  const r = new Router()
  defineRoute(
    r,
    { method: 'get', path: '/api/health', tag: 'system', summary: '健康检查；数据库不可用时 503', access: 'public', response: ZHealth, otherAnswers: { 503: { description: '数据库不可用：{ status: "degraded", db: "down" }', schema: ZHealth } } },
    async ({ ctx }) => {
      try {
        await pingDatabase(database.pool, 2000)
        return { status: 'ok', db: 'up' }
      } catch {
        // The pool drops broken connections, so the next check reconnects by itself once the DB is back.
        ctx.status = 503
        return { status: 'degraded', db: 'down' }
      }
    },
  )
  let doc: unknown
  r.get('/api/openapi.json', (ctx) => {
    ctx.body = doc ??= buildOpenApi()
  })
  return r
}
