import type { Context, Next } from 'koa'
import { ZodError } from 'zod'
import type { ErrorCode } from '@carecircle/shared'
import type { Logger } from 'pino'
import { safeError } from './log-redact'

/** The one error type: a 4xx message is shown to the user as is; a 5xx message never leaves the server. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
  }
}

export const notFound = (what: string) => new AppError(404, 'NOT_FOUND', `${what}不存在，请返回上一页重新选择`)
export const forbidden = (message = '您没有权限查看或操作这条信息') => new AppError(403, 'FORBIDDEN', message)

const DB_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'PROTOCOL_CONNECTION_LOST', 'ER_CON_COUNT_ERROR', 'EHOSTUNREACH', 'POOL_CLOSED'])
export function isDbUnavailable(err: unknown): boolean {
  let e: any = err
  for (let i = 0; e && i < 4; i++, e = e.cause) if (DB_DOWN_CODES.has(e.code) || e.fatal === true) return true
  return false
}

const FIELD_LABELS: Record<string, string> = { lat: '纬度', lng: '经度', id: '编号', phone: '手机号', code: '凭证' }

function zodMessage(err: ZodError): string {
  const issue = err.issues[0]
  if (!issue) return '请求参数有误'
  const field = issue.path.map(String).join('.')
  // Our schemas carry Chinese messages; the generic ones from zod get the field named in front.
  const chinese = /[\u4e00-\u9fa5]/.test(issue.message)
  if (chinese) return issue.message
  return field ? `参数 ${FIELD_LABELS[field] ?? field} 不正确，请检查后重试` : '请求内容不正确，请检查后重试'
}

function toAppError(err: any): AppError {
  if (err instanceof AppError) return err
  if (err instanceof ZodError) return new AppError(400, 'VALIDATION_FAILED', zodMessage(err))
  // Body-reading failures are mapped where the body is read (http/read-body.ts).
  if (isDbUnavailable(err)) return new AppError(503, 'DB_UNAVAILABLE', '服务暂时无法连接数据库，请稍后再试，急事请拨打 12349')
  if (typeof err?.status === 'number' && err.status >= 400 && err.status < 500 && err.expose)
    return new AppError(err.status, 'VALIDATION_FAILED', '请求不正确，请检查后重试')
  return new AppError(500, 'INTERNAL', '服务暂时出了问题，请稍后再试，急事请拨打 12349')
}

/** The one error middleware: every failure becomes { error: { code, message } }. */
export function errorMiddleware(log: Logger) {
  return async (ctx: Context, next: Next) => {
    try {
      await next()
    } catch (raw) {
      const err = toAppError(raw)
      if (err.status >= 500) {
        // Log the kind of failure, never request bodies, SQL or its parameters (they may hold phones or addresses).
        log.error({ reqId: ctx.state.reqId, err: safeError(raw) }, 'request failed')
      }
      ctx.status = err.status
      ctx.body = { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } }
    }
  }
}
