import { createSecretKey, type KeyObject } from 'node:crypto'
import { SignJWT, jwtVerify, errors } from 'jose'
import { LRUCache } from 'lru-cache'
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

const expired = () => new AppError(401, 'TOKEN_EXPIRED', '登录已过期，请重新登录')

async function verifyClaims(token: string, secret: Uint8Array | KeyObject): Promise<{ auth: Auth; expiresAtMs: number }> {
  try {
    const { payload } = await jwtVerify(token, secret, { issuer: 'carecircle', algorithms: ['HS256'], requiredClaims: ['exp'] })
    const role = ZRole.parse(payload.role)
    const userId = Number(payload.sub)
    if (!Number.isSafeInteger(userId) || userId <= 0) throw new Error('bad subject')
    return { auth: { userId, role, stationId: typeof payload.sid === 'number' ? payload.sid : null }, expiresAtMs: payload.exp! * 1000 }
  } catch (e) {
    if (e instanceof errors.JWTExpired) throw expired()
    throw new AppError(401, 'UNAUTHENTICATED', '登录信息无效，请重新登录')
  }
}

export async function verifyToken(token: string, secret: Uint8Array | KeyObject): Promise<Auth> {
  return (await verifyClaims(token, secret)).auth
}

/**
 * Verifies tokens, remembering the ones that passed until they expire: an HMAC check through WebCrypto
 * costs more than routing a booking, and a resident's app sends the same token on every tap. Bounded
 * (least recently used go first); expiry is checked on every hit, as jose does.
 */
export class TokenVerifier {
  private readonly key: KeyObject
  private readonly verified = new LRUCache<string, { auth: Auth; expiresAtMs: number }>({ max: 20_000 })

  constructor(secret: Uint8Array, private readonly now = () => Date.now()) {
    this.key = createSecretKey(secret) // imported once: jose would import a raw secret on every verify
  }

  async verify(token: string): Promise<Auth> {
    const hit = this.verified.get(token)
    if (hit) {
      if (this.now() < hit.expiresAtMs) return hit.auth
      this.verified.delete(token)
      throw expired()
    }
    const claims = await verifyClaims(token, this.key)
    this.verified.set(token, claims)
    return claims.auth
  }
}

/** Reads a bearer token if present; routes decide whether they need one (see defineRoute). */
export function authenticate(secret: Uint8Array) {
  const tokens = new TokenVerifier(secret)
  return async (ctx: Context, next: Next) => {
    const header = ctx.get('Authorization')
    const m = /^Bearer\s+(\S+)$/i.exec(header)
    if (m) {
      try {
        ctx.state.auth = await tokens.verify(m[1])
      } catch (e) {
        ctx.state.authError = e
      }
    } else if (header) {
      ctx.state.authError = new AppError(401, 'UNAUTHENTICATED', '登录信息格式不正确，请重新登录')
    }
    await next()
  }
}
