/**
 * What of an error may be logged. Errors carry personal data in places no field-name redaction sees:
 * drizzle's message and stack end in "params: 13800000001,…", mysql2 errors carry `sql`, `sqlMessage`
 * ("Duplicate entry '1380…'"), `parameters`/`values`. So an error is rebuilt from an allow-list of fields,
 * and its text is scrubbed of parameter lists, quoted values and phone-like digit runs.
 */
export interface SafeError {
  name?: string
  code?: string
  errno?: number
  sqlState?: string
  message?: string
  stack?: string
  cause?: SafeError
}

/** Any run of 7+ digits (optionally with spaces/dashes inside, a leading +): mobile and landline numbers, ID numbers. */
const DIGIT_RUN = /\+?\d(?:[\d -]{5,}\d)/g
/** drizzle: "params: a,b,c" up to the end of the line. */
const PARAMS_LINE = /params:[^\n]*/g
/** Quoted literals in database messages: "Duplicate entry '13800000001' for key …". */
const QUOTED = /'(?:[^'\\\n]|\\.)*'/g

export function scrubText(text: string): string {
  return text.replace(PARAMS_LINE, 'params: [redacted]').replace(QUOTED, "'[redacted]'").replace(DIGIT_RUN, (run) => (/^\d+:\d+$/.test(run) ? run : '[redacted]'))
}

export function safeError(err: unknown, depth = 0): SafeError {
  if (err === null || typeof err !== 'object') return { message: scrubText(String(err)) }
  const e = err as Record<string, unknown>
  const out: SafeError = {}
  if (typeof e.name === 'string') out.name = e.name
  if (typeof e.code === 'string') out.code = e.code
  if (typeof e.errno === 'number') out.errno = e.errno
  if (typeof e.sqlState === 'string') out.sqlState = e.sqlState
  if (typeof e.message === 'string') out.message = scrubText(e.message)
  if (typeof e.stack === 'string') out.stack = scrubText(e.stack)
  if (e.cause !== undefined && depth < 3) out.cause = safeError(e.cause, depth + 1)
  return out
}
