import { createSecretKey, type KeyObject } from 'node:crypto'
import { SignJWT, jwtVerify, errors } from 'jose'
import { LRUCache } from 'lru-cache'
import type { Context, Next } from 'koa'
import { ZRole, type Role } from '@carecircle/shared'
import { AppError } from '../errors'
import type { UserStates } from './user-states'

/** Who is calling: the user the token names, whose role and station the database still confirms. */
export interface Auth {
  userId: number
  role: Role
  stationId: number | null
}

/** What a signed token says: who, what they were at login (for display only), and the session it belongs to. */
export interface TokenClaims extends Auth {
  /** users.session_version when the token was issued; logout moves it on and the token is refused. */
  sessionVersion: number
}

export async function signToken(auth: Auth & { sessionVersion?: number }, secret: Uint8Array, ttlSeconds: number, now = new Date()) {
  const exp = Math.floor(now.getTime() / 1000) + ttlSeconds
  const token = await new SignJWT({ role: auth.role, sid: auth.stationId, sv: auth.sessionVersion ?? 0 })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(auth.userId))
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(exp)
    .setIssuer('carecircle')
    .sign(secret)
  return { token, expiresAt: new Date(exp * 1000).toISOString() }
}

const expired = () => new AppError(401, 'TOKEN_EXPIRED', '登录已过期，请重新登录')

const invalid = () => new AppError(401, 'UNAUTHENTICATED', '登录信息无效，请重新登录')

async function verifyClaims(token: string, secret: Uint8Array | KeyObject): Promise<{ auth: TokenClaims; expiresAtMs: number }> {
  try {
    const { payload } = await jwtVerify(token, secret, { issuer: 'carecircle', algorithms: ['HS256'], requiredClaims: ['exp'] })
    const role = ZRole.parse(payload.role)
    const userId = Number(payload.sub)
    if (!Number.isSafeInteger(userId) || userId <= 0) throw new Error('bad subject')
    const sessionVersion = payload.sv ?? 0 // tokens issued before session versions existed belong to session 0
    if (!Number.isSafeInteger(sessionVersion) || (sessionVersion as number) < 0) throw new Error('bad session')
    const stationId = typeof payload.sid === 'number' ? payload.sid : null
    return { auth: { userId, role, stationId, sessionVersion: sessionVersion as number }, expiresAtMs: payload.exp! * 1000 }
  } catch (e) {
    if (e instanceof errors.JWTExpired) throw expired()
    throw invalid()
  }
}

export async function verifyToken(token: string, secret: Uint8Array | KeyObject): Promise<TokenClaims> {
  return (await verifyClaims(token, secret)).auth
}

/**
 * Verifies tokens, remembering the ones that passed until they expire: an HMAC check through WebCrypto
 * costs more than routing a booking, and a resident's app sends the same token on every tap. Bounded
 * (least recently used go first); expiry is checked on every hit, as jose does.
 */
export class TokenVerifier {
  private readonly key: KeyObject
  private readonly verified = new LRUCache<string, { auth: TokenClaims; expiresAtMs: number }>({ max: 20_000 })

  constructor(secret: Uint8Array, private readonly now = () => Date.now()) {
    this.key = createSecretKey(secret) // imported once: jose would import a raw secret on every verify
  }

  async verify(token: string): Promise<TokenClaims> {
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

/**
 * A signed token names a user and a session; it grants nothing by itself. The user must still exist, not be
 * disabled, be in the same session (not logged out since) and still have the role and station the token was issued for.
 */
export async function currentAuth(claims: TokenClaims, users: UserStates): Promise<Auth> {
  let state = await users.get(claims.userId)
  // Versions only grow: a token newer than what we remember proves the memory stale (logged in again elsewhere).
  if (state && state.sessionVersion < claims.sessionVersion) state = await users.get(claims.userId, true)
  if (!state) throw invalid()
  if (state.disabled) throw new AppError(401, 'UNAUTHENTICATED', '该账号已停用，请联系驿站或拨打 12349')
  if (state.sessionVersion !== claims.sessionVersion) throw new AppError(401, 'UNAUTHENTICATED', '您已退出登录，请重新登录')
  // A token grants what its user was at login: moved to another station or given another role, they log in again.
  if (state.role !== claims.role || state.stationId !== claims.stationId) throw new AppError(401, 'UNAUTHENTICATED', '您的身份或所属驿站已变更，请重新登录')
  return { userId: claims.userId, role: state.role, stationId: state.stationId }
}

/** Reads a bearer token if present; routes decide whether they need one (see defineRoute). */
export function authenticate(secret: Uint8Array, users: UserStates) {
  const tokens = new TokenVerifier(secret)
  return async (ctx: Context, next: Next) => {
    const header = ctx.get('Authorization')
    const m = /^Bearer\s+(\S+)$/i.exec(header)
    if (m) {
      try {
        ctx.state.auth = await currentAuth(await tokens.verify(m[1]), users)
      } catch (e) {
        ctx.state.authError = e
      }
    } else if (header) {
      ctx.state.authError = new AppError(401, 'UNAUTHENTICATED', '登录信息格式不正确，请重新登录')
    }
    await next()
  }
}
