import { eq } from 'drizzle-orm'
import { maskPhone, type User, type LoginResponse } from '@carecircle/shared'
import type { Db } from '../db/client'
import { users } from '../db/schema'
import { AppError } from '../errors'
import type { WechatClient } from '../wechat/client'
import type { RateLimits } from '../http/rate-limits'
import { signToken } from './token'

type UserRow = typeof users.$inferSelect

export function toUserDto(u: UserRow): User {
  return { id: u.id, role: u.role, name: u.name, phone: maskPhone(u.phone), stationId: u.stationId }
}

interface TokenSettings {
  secret: Uint8Array
  ttlSeconds: number
}

async function issue(u: UserRow, t: TokenSettings): Promise<LoginResponse> {
  if (u.disabledAt) throw new AppError(403, 'FORBIDDEN', '该账号已停用，请联系驿站或拨打 12349')
  const { token, expiresAt } = await signToken({ userId: u.id, role: u.role, stationId: u.stationId, sessionVersion: u.sessionVersion }, t.secret, t.ttlSeconds)
  return { token, expiresAt, user: toUserDto(u) }
}

/** Who is trying to log in, for the rate limits: attempts are counted per IP address and per account. */
export interface LoginAttempt {
  ip: string
  limits: RateLimits
}

/**
 * Demo and tests only: logs in a seeded account by phone. Counted before the lookup, so whether a phone has
 * an account can be asked only as fast as the per-IP limit allows.
 */
export async function devLogin(db: Db, phone: string, t: TokenSettings & { enabled: boolean }, attempt: LoginAttempt): Promise<LoginResponse> {
  if (!t.enabled) throw new AppError(403, 'DEV_LOGIN_DISABLED', '演示登录已关闭，请使用微信登录')
  await attempt.limits.consume('loginPerIp', attempt.ip)
  await attempt.limits.consume('loginPerAccount', `phone:${phone}`)
  const [u] = await db.select().from(users).where(eq(users.phone, phone)).limit(1)
  if (!u) throw new AppError(404, 'ACCOUNT_NOT_FOUND', '没有找到这个手机号的账号，请检查号码或使用演示账号')
  return issue(u, t)
}

/**
 * wx.login code → openid → our user. A first-time WeChat user becomes a family account: they can bind
 * to a parent with the parent's invitation code; elders' profiles are created with verification.
 */
export async function wechatLogin(db: Db, wechat: WechatClient, code: string, t: TokenSettings, attempt: LoginAttempt): Promise<LoginResponse> {
  await attempt.limits.consume('loginPerIp', attempt.ip) // before asking WeChat: a flood never reaches it
  const { openid } = await wechat.code2Session(code)
  await attempt.limits.consume('loginPerAccount', `openid:${openid}`)
  const found = await db.select().from(users).where(eq(users.wechatOpenid, openid)).limit(1)
  if (found[0]) return issue(found[0], t)
  await attempt.limits.consume('accountsPerIp', attempt.ip)
  // INSERT IGNORE: two first logins racing create one user.
  await db.insert(users).ignore().values({ role: 'family', name: '微信用户', wechatOpenid: openid })
  const [u] = await db.select().from(users).where(eq(users.wechatOpenid, openid)).limit(1)
  return issue(u, t)
}
