import { createSecretKey, type KeyObject } from 'node:crypto'
import { SignJWT, jwtVerify, errors } from 'jose'
import type { Context, Next } from 'koa'
import { ZRole, type Role } from '@carecircle/shared'
import { AppError } from '../errors'

/** Who is calling, from the signed token: enough to authorise without a database read. */
export interface Auth {
  userId: number
  role: Role
  stationId: number | null
}

export async function signToken(auth: Auth, secret: Uint8Array, ttlSeconds: number, now = new Date()) {
  const exp = Math.floor(now.getTime() / 1000) + ttlSeconds
  const token = await new SignJWT({ role: auth.role, sid: auth.stationId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(auth.userId))
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(exp)
    .setIssuer('carecircle')
    .sign(secret)
  return { token, expiresAt: new Date(exp * 1000).toISOString() }
}

export async function verifyToken(token: string, secret: Uint8Array | KeyObject): Promise<Auth> {
  try {
    const { payload } = await jwtVerify(token, secret, { issuer: 'carecircle', algorithms: ['HS256'] })
    const role = ZRole.parse(payload.role)
    const userId = Number(payload.sub)
    if (!Number.isSafeInteger(userId) || userId <= 0) throw new Error('bad subject')
    return { userId, role, stationId: typeof payload.sid === 'number' ? payload.sid : null }
  } catch (e) {
    if (e instanceof errors.JWTExpired) throw new AppError(401, 'TOKEN_EXPIRED', '登录已过期，请重新登录')
    throw new AppError(401, 'UNAUTHENTICATED', '登录信息无效，请重新登录')
  }
}

/** Reads a bearer token if present; routes decide whether they need one (see defineRoute). */
export function authenticate(secret: Uint8Array) {
  const key = createSecretKey(secret) // imported once: jose would import a raw secret on every verify
  return async (ctx: Context, next: Next) => {
    const header = ctx.get('Authorization')
    const m = /^Bearer\s+(\S+)$/i.exec(header)
    if (m) {
      try {
        ctx.state.auth = await verifyToken(m[1], key)
      } catch (e) {
        ctx.state.authError = e
      }
    } else if (header) {
      ctx.state.authError = new AppError(401, 'UNAUTHENTICATED', '登录信息格式不正确，请重新登录')
    }
    await next()
  }
}
