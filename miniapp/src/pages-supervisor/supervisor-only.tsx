import { useEffect } from 'react'
import { View } from '@tarojs/components'
import { getToken, getUser } from '../auth/session'
import { ensureLoggedIn } from '../lib/nav'

/** Every supervisor page: log in first; a logged-in person of another role is told so in words. */
export function useSupervisor(from: string): { allowed: boolean; notice: JSX.Element | null } {
  const loggedIn = !!getToken()
  const isSupervisor = getUser()?.role === 'supervisor'
  useEffect(() => {
    ensureLoggedIn(from, '民政监管人员请先登录。')
  }, [])
  const notice = loggedIn && !isSupervisor ? <View className='notice warn'>这一页是给民政监管人员用的。您的账号没有这个权限。</View> : null
  return { allowed: loggedIn && isSupervisor, notice }
}
