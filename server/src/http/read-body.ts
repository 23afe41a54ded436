import type { Context, Next } from 'koa'
import { bodyParser } from '@koa/bodyparser'
import { AppError } from '../errors'

/** Methods whose body is read (@koa/bodyparser's own list); the OpenAPI document declares 413/415 for them. */
export const BODY_METHODS = ['POST', 'PUT', 'PATCH'] as const
/** The JSON limit: a larger body is 413 on every operation that takes one. */
export const JSON_LIMIT = '100kb'

/**
 * Reads a JSON body. Anything that goes wrong while reading it is the caller's mistake (a 4xx), never a
 * 500: a `__proto__` key (refused by the parser so it cannot reach an object's prototype), a body
 * labelled `Content-Encoding: gzip` that is not gzip, a body too big (413), a type that is not JSON (415 —
 * before, the parser skipped it and the route read an empty object). Multipart passes: the photo upload reads it.
 */
export function readBody() {
  const parse = bodyParser({ enableTypes: ['json'], jsonLimit: JSON_LIMIT, encoding: 'utf-8', parsedMethods: [...BODY_METHODS] })
  return async (ctx: Context, next: Next) => {
    // An empty body (Content-Length: 0, as a bodiless POST sends) has no type to check.
    const hasBody = Boolean(ctx.get('Transfer-Encoding')) || (ctx.request.length ?? 0) > 0
    if (hasBody && (BODY_METHODS as readonly string[]).includes(ctx.method) && !ctx.request.is('json', 'multipart')) throw unsupportedType()
    try {
      await parse(ctx, async () => {})
    } catch (err) {
      throw bodyError(err)
    }
    await next()
  }
}

function bodyError(err: any): AppError {
  if (err?.status === 413 || err?.type === 'entity.too.large') return new AppError(413, 'PAYLOAD_TOO_LARGE', '请求内容太大，请精简后重试')
  if (err?.status === 415) {
    if (/Content-Encoding/i.test(err.message ?? '')) return encodingInvalid()
    return unsupportedType()
  }
  // zlib (Z_DATA_ERROR, Z_BUF_ERROR…) and brotli (ERR__ERROR_FORMAT_…) failures: the body is not what its label says.
  if (typeof err?.code === 'string' && /^(Z_|ERR_?_ERROR_FORMAT|ERR_BROTLI|ERR_ZLIB)/.test(err.code)) return encodingInvalid()
  if (/forbidden prototype/i.test(err?.message ?? '')) return new AppError(400, 'MALFORMED_JSON', '请求内容含有不允许的字段名（如 __proto__），请检查后重试')
  return new AppError(400, 'MALFORMED_JSON', '请求内容不是有效的 JSON，请检查后重试')
}

const unsupportedType = () => new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请求内容格式不受支持，请使用 JSON（Content-Type: application/json）')
const encodingInvalid = () => new AppError(400, 'BODY_ENCODING_INVALID', '请求内容的压缩格式与声明的不符，请检查后重试')
