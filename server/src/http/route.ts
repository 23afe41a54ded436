import type Router from '@koa/router'
import type { Context } from 'koa'
import type { z } from 'zod'
import type { Role } from '@carecircle/shared'
import type { Auth } from '../auth/token'
import { AppError, forbidden } from '../errors'

type Method = 'get' | 'post' | 'put' | 'delete'
type Access = 'public' | 'user' | readonly Role[]

/** What a route declares: validated and documented (OpenAPI) from the same shared zod schemas. */
export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  method: Method
  path: string
  summary: string
  tag: string
  access: Access
  params?: P
  query?: Q
  body?: B
  /** Extra request headers to document, e.g. Idempotency-Key. */
  headers?: Record<string, { required: boolean; description: string }>
  response: z.ZodType
  /** Other media types the success answer may take (e.g. a CSV download), each with what it holds. */
  alsoProduces?: Record<string, string>
  status?: number
  /** Statuses the route itself may answer with the shared error body (the middleware's own are added where the document is built). */
  errors?: number[]
  /** Statuses answered with a body of another shape (health's 503 is its usual answer, saying the database is down). */
  otherAnswers?: Record<number, { description: string; schema: z.ZodType }>
}

export interface RouteInput<P, Q, B, A> {
  params: P
  query: Q
  body: B
  auth: A
  ctx: Context
}

export const routeRegistry: RouteSpec<z.ZodType, z.ZodType, z.ZodType>[] = []

type Out<S> = S extends z.ZodType ? z.output<S> : undefined

/** Registers a thin route: parse with the shared schema → authorise → call → respond. */
export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, Acc extends Access>(
  router: Router,
  spec: RouteSpec<P, Q, B> & { access: Acc },
  handler: (input: RouteInput<Out<P>, Out<Q>, Out<B>, Acc extends 'public' ? Auth | undefined : Auth>) => Promise<unknown>,
): void {
  if (!routeRegistry.some((r) => r.method === spec.method && r.path === spec.path)) routeRegistry.push(spec as never)
  router[spec.method](spec.path, async (ctx) => {
    const auth = ctx.state.auth as Auth | undefined
    if (spec.access !== 'public') {
      if (!auth) throw ctx.state.authError ?? new AppError(401, 'UNAUTHENTICATED', '请先登录后再操作')
      if (Array.isArray(spec.access) && !spec.access.includes(auth.role)) throw forbidden()
    }
    const params = spec.params ? spec.params.parse(ctx.params) : undefined
    const query = spec.query ? spec.query.parse(ctx.query) : undefined
    const body = spec.body ? spec.body.parse((ctx.request as any).body ?? {}) : undefined
    ctx.status = spec.status ?? 200 // set first so a handler may override it (health → 503)
    ctx.body = await handler({ params, query, body, auth, ctx } as never)
  })
}
