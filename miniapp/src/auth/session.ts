import Taro from '@tarojs/taro'
import type { LoginResponse, User } from '@carecircle/shared'
import type { MeResponse as Me } from '@carecircle/shared'

const TOKEN = 'cc.token'
const USER = 'cc.user'
const ME = 'cc.me'

function read<T>(key: string): T | null {
  try {
    const v = Taro.getStorageSync(key)
    return v === '' || v === undefined || v === null ? null : (v as T)
  } catch {
    return null
  }
}

export function getToken(): string | null {
  return read<string>(TOKEN)
}

export function getUser(): User | null {
  return read<User>(USER)
}

/** The last /api/me answer: the elders this user acts for and the family to call in an emergency. */
export function getMe(): Me | null {
  return read<Me>(ME)
}

export function saveLogin(login: LoginResponse): void {
  Taro.setStorageSync(TOKEN, login.token)
  Taro.setStorageSync(USER, login.user)
}

export function saveMe(me: Me): void {
  Taro.setStorageSync(ME, me)
  Taro.setStorageSync(USER, me.user)
}

export function clearSession(): void {
  for (const key of [TOKEN, USER, ME]) Taro.removeStorageSync(key)
}

export function isResident(user: User | null): boolean {
  return !!user && (user.role === 'elder' || user.role === 'family')
}
