import Taro from '@tarojs/taro'
import { ZErrorResponse } from '@carecircle/shared'
import type { z } from 'zod'
import { ApiError, MESSAGES } from './errors'
import { getToken, clearSession } from '../auth/session'

export type Method = 'GET' | 'POST' | 'DELETE'

export interface RequestOptions {
  /** Extra headers, e.g. Idempotency-Key. */
  headers?: Record<string, string>
  /** Query parameters; undefined values are left out. */
  query?: Record<string, string | number | undefined>
}

function buildUrl(path: string, query?: RequestOptions['query']): string {
  const parts = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return `${API_BASE}${path}${parts.length ? `?${parts.join('&')}` : ''}`
}

/**
 * The one way the mini-program talks to the server: sends with the stored login, checks the answer
 * against the shared zod schema, and turns every failure into an ApiError with words a person can act on.
 */
export async function request<S extends z.ZodType>(
  schema: S,
  method: Method,
  path: string,
  body?: unknown,
  opts: RequestOptions = {},
): Promise<z.output<S>> {
  const header: Record<string, string> = { Accept: 'application/json', ...opts.headers }
  if (body !== undefined) header['Content-Type'] = 'application/json'
  const token = getToken()
  if (token) header.Authorization = `Bearer ${token}`

  let res: { statusCode: number; data: unknown }
  try {
    res = await Taro.request({ url: buildUrl(path, opts.query), method, data: body, header, timeout: 15000 })
  } catch {
    throw new ApiError('NETWORK', MESSAGES.NETWORK)
  }
  const { statusCode: status, data } = res

  if (status >= 500 || status === 0) throw new ApiError('SERVER', MESSAGES.SERVER, status)
  if (status >= 400) {
    const parsed = ZErrorResponse.safeParse(data)
    if (!parsed.success) {
      throw new ApiError('HTTP', `请求没有成功（代码 ${status}），请返回上一页再试一次`, status)
    }
    const err = new ApiError(parsed.data.error.code, parsed.data.error.message, status)
    if (err.needsLogin) clearSession()
    throw err
  }
  const parsed = schema.safeParse(data)
  if (!parsed.success) throw new ApiError('BAD_RESPONSE', MESSAGES.SERVER, status)
  return parsed.data
}
