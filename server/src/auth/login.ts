import { eq } from 'drizzle-orm'
import { maskPhone, type User, type LoginResponse } from '@carecircle/shared'
import type { Db } from '../db/client'
import { users } from '../db/schema'
import { AppError } from '../errors'
import type { WechatClient } from '../wechat/client'
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
  const { token, expiresAt } = await signToken({ userId: u.id, role: u.role, stationId: u.stationId }, t.secret, t.ttlSeconds)
  return { token, expiresAt, user: toUserDto(u) }
}

/** Demo and tests only: logs in a seeded account by phone. */
export async function devLogin(db: Db, phone: string, t: TokenSettings & { enabled: boolean }): Promise<LoginResponse> {
  if (!t.enabled) throw new AppError(403, 'DEV_LOGIN_DISABLED', '演示登录已关闭，请使用微信登录')
  const [u] = await db.select().from(users).where(eq(users.phone, phone)).limit(1)
  if (!u) throw new AppError(404, 'ACCOUNT_NOT_FOUND', '没有找到这个手机号的账号，请检查号码或使用演示账号')
  return issue(u, t)
}

/**
 * wx.login code → openid → our user. A first-time WeChat user becomes a family account: they can bind
 * to a parent with the parent's invitation code; elders' profiles are created with verification.
 */
export async function wechatLogin(db: Db, wechat: WechatClient, code: string, t: TokenSettings): Promise<LoginResponse> {
  const { openid } = await wechat.code2Session(code)
  const found = await db.select().from(users).where(eq(users.wechatOpenid, openid)).limit(1)
  if (found[0]) return issue(found[0], t)
  // INSERT IGNORE: two first logins racing create one user.
  await db.insert(users).ignore().values({ role: 'family', name: '微信用户', wechatOpenid: openid })
  const [u] = await db.select().from(users).where(eq(users.wechatOpenid, openid)).limit(1)
  return issue(u, t)
}
