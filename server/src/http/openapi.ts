import { z } from 'zod'
import { ZErrorResponse } from '@carecircle/shared'
import { routeRegistry, type RouteSpec } from './route'
import { BODY_METHODS } from './read-body'

const json = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' })

const WORDS: Record<number, string> = {
  400: '请求不正确（VALIDATION_FAILED、MALFORMED_JSON 等）',
  401: '未登录或登录已失效（UNAUTHENTICATED、TOKEN_EXPIRED）',
  403: '没有权限（FORBIDDEN）',
  404: '不存在',
  409: '与当前状态冲突',
  413: '请求内容太大（PAYLOAD_TOO_LARGE）',
  415: '请求内容不是 JSON（UNSUPPORTED_MEDIA_TYPE）',
  429: 'RATE_LIMITED：次数超过限制；message 用平常的话说明何时再试（如“请明天再试”），Retry-After 给程序看（秒）',
  431: '请求头太大：由 Node.js 在应用之前直接回答，没有正文',
  500: '服务内部错误（INTERNAL）',
  503: '数据库暂时不可用（DB_UNAVAILABLE）',
}

/**
 * What the middleware in front of every route can answer, by what the route is: Node's own 431 (headers over
 * 16 KB), 500, and 503 when the database is down (errors.ts), for all; 400/413/415 where a body is read
 * (read-body.ts) or input parsed; 401 where a login is needed, 403 where only some roles may call (route.ts).
 */
function middlewareStatuses(r: RouteSpec<z.ZodType, z.ZodType, z.ZodType>): number[] {
  const out = [431, 500, 503]
  const readsBody = (BODY_METHODS as readonly string[]).includes(r.method.toUpperCase())
  if (readsBody) out.push(400, 413, 415)
  if (r.params || r.query || r.body) out.push(400)
  if (r.access !== 'public') out.push(401)
  if (Array.isArray(r.access)) out.push(403)
  return out
}

const errorResponse = (status: number) => {
  if (status === 431) return { description: WORDS[431] }
  return {
    description: WORDS[status] ?? '错误',
    ...(status === 429 ? { headers: { 'Retry-After': { description: '多少秒后可以再试', schema: { type: 'integer', minimum: 1 } } } } : {}),
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  }
}

/** OpenAPI 3 generated from the same zod schemas the routes validate with. */
export function buildOpenApi() {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const r of routeRegistry) {
    const path = r.path.replace(/:(\w+)/g, '{$1}')
    const parameters: unknown[] = []
    for (const [where, schema] of [['path', r.params], ['query', r.query]] as const) {
      if (!schema) continue
      const js = json(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] }
      for (const [name, s] of Object.entries(js.properties ?? {})) parameters.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: s })
    }
    for (const [name, h] of Object.entries(r.headers ?? {})) parameters.push({ name, in: 'header', required: h.required, description: h.description, schema: { type: 'string' } })
    const responses: Record<string, unknown> = {
      [String(r.status ?? 200)]: {
        description: 'OK',
        content: {
          'application/json': { schema: json(r.response, 'output') },
          ...Object.fromEntries(Object.entries(r.alsoProduces ?? {}).map(([type, description]) => [type, { schema: { type: 'string', description } }])),
        },
      },
    }
    for (const code of [...new Set([...(r.errors ?? []), ...middlewareStatuses(r)])].sort((a, b) => a - b)) {
      const own = r.otherAnswers?.[code]
      responses[String(code)] = own ? { description: own.description, content: { 'application/json': { schema: json(own.schema, 'output') } } } : errorResponse(code)
    }
    paths[path] ??= {}
    paths[path][r.method] = {
      summary: r.summary,
      tags: [r.tag],
      ...(r.access === 'public' ? { security: [] } : {}),
      ...(Array.isArray(r.access) ? { 'x-roles': r.access } : {}),
      parameters,
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: json(r.body, 'input') } } } } : {}),
      responses,
    }
  }
  return {
    openapi: '3.0.3',
    info: { title: '颐邻 CareCircle API', version: '0.1.0', description: '金额单位为分（整数）；时间为带时区的 ISO 8601，业务时区 Asia/Shanghai。' },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: json(ZErrorResponse, 'output') },
    },
    security: [{ bearer: [] }],
    paths,
  }
}
