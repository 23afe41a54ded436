import { z } from 'zod'
import { ZErrorResponse } from '@carecircle/shared'
import { routeRegistry } from './route'

const json = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' })

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
    for (const code of r.errors ?? []) responses[String(code)] = { description: '错误', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }
    // A limit tells people when to come back in words (message) and machines in seconds (Retry-After).
    if (responses['429']) responses['429'] = { ...responses['429'], description: 'RATE_LIMITED：次数超过限制；message 用平常的话说明何时再试（如“请明天再试”）', headers: { 'Retry-After': { description: '多少秒后可以再试', schema: { type: 'integer' } } } }
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
