import { HOTLINE, type ErrorCode } from '@carecircle/shared'

/** Codes the client adds to the server's own: no answer, a 5xx, or an answer we cannot read. */
export type ClientErrorCode = 'NETWORK' | 'SERVER' | 'BAD_RESPONSE' | 'HTTP'
export type ApiErrorCode = ErrorCode | ClientErrorCode

export const MESSAGES = {
  NETWORK: '网络连接不上，请检查网络后再试',
  SERVER: `服务暂时出了问题，请稍后再试，或拨打 ${HOTLINE}`,
} as const

/** Every failure a page shows: a machine code to switch on and a plain Chinese message to read. */
export class ApiError extends Error {
  readonly code: ApiErrorCode
  readonly status: number
  /** The server's extra facts, e.g. `itemIndex`: which line of a price board is wrong. */
  readonly details: Record<string, unknown>

  constructor(code: ApiErrorCode, message: string, status = 0, details: Record<string, unknown> = {}) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.status = status
    this.details = details
  }

  /** The login is missing or has run out: the page should offer "去登录". */
  get needsLogin(): boolean {
    return this.code === 'UNAUTHENTICATED' || this.code === 'TOKEN_EXPIRED'
  }
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err
  return new ApiError('NETWORK', MESSAGES.NETWORK)
}
