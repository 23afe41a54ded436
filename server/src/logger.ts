import pino from 'pino'
import type { Context, Next } from 'koa'
import { randomUUID } from 'node:crypto'
import { safeError } from './log-redact'

export function createLogger(level: string, destination?: pino.DestinationStream) {
  const options: pino.LoggerOptions = {
    level,
    // Defence in depth: nothing here should ever carry personal data, but if it does it is removed.
    redact: { paths: ['*.phone', '*.address', '*.healthNotes', '*.authorization', 'req.headers.authorization'], remove: true },
    // Every logged error is rebuilt from safe fields with its text scrubbed (log-redact.ts): SQL, parameters and phone-like digits never reach a log line.
    serializers: { err: safeError, error: safeError },
  }
  return destination ? pino(options, destination) : pino(options)
}

/** One line per request: id, method, path without query (queries can hold a home's coordinates), status, time. */
export function requestLog(log: pino.Logger) {
  return async (ctx: Context, next: Next) => {
    const started = performance.now()
    const incoming = ctx.get('X-Request-Id')
    ctx.state.reqId = /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID()
    ctx.set('X-Request-Id', ctx.state.reqId)
    try {
      await next()
    } finally {
      log.info(
        { reqId: ctx.state.reqId, method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(performance.now() - started), userId: ctx.state.auth?.userId },
        'request',
      )
    }
  }
}
