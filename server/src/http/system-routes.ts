import Router from '@koa/router'
import { z } from 'zod'
import { sql } from 'drizzle-orm'
import { defineRoute } from './route'
import { buildOpenApi } from './openapi'
import type { AppDeps } from '../app'

const ZHealth = z.object({ status: z.enum(['ok', 'degraded']), db: z.enum(['up', 'down']) })

export function systemRoutes({ database }: AppDeps): Router {
  const r = new Router()
  defineRoute(
    r,
    { method: 'get', path: '/api/health', tag: 'system', summary: '健康检查；数据库不可用时 503', access: 'public', response: ZHealth, errors: [503] },
    async ({ ctx }) => {
      try {
        await database.db.execute(sql`SELECT 1`)
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
