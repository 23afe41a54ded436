import Taro from '@tarojs/taro'
import type { Role } from '@carecircle/shared'

export const SUPERVISOR = { id: 1, role: 'supervisor' as Role, name: '刘科长', phone: '13500000001' }

/** A login as the app stores it after signing in (token and user); pages read it when they render. */
export function signIn(user: { id: number; role: Role; name: string; phone: string; stationId?: number }): void {
  Taro.setStorageSync('cc.token', 't')
  Taro.setStorageSync('cc.user', user)
}
