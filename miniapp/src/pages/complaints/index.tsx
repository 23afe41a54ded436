import { useEffect } from 'react'
import { View } from '@tarojs/components'
import { HOTLINE } from '@carecircle/shared'
import { Page } from '../../components/page'
import { ComplaintList } from '../../components/complaint-list'
import { getToken, getUser } from '../../auth/session'
import { ROUTES, ensureLoggedIn } from '../../lib/nav'

/** 我的投诉: newest first, each with its status in words and the next deadline. */
export default function MyComplaintsPage() {
  const loggedIn = !!getToken()
  useEffect(() => {
    ensureLoggedIn(ROUTES.complaints, '请先登录，登录后才能看到您的投诉。')
  }, [])
  return (
    <Page title='我的投诉' active='mine'>
      <View className='stack'>
        <View className='t-muted'>要投诉，请打开“我的订单”里的那一单，点“投诉这单服务”；也可以拨打 {HOTLINE}。</View>
        {loggedIn ? <ComplaintList role={getUser()?.role ?? 'elder'} empty='您还没有投诉过。' /> : <View className='notice'>请先登录，正在为您打开登录页……</View>}
      </View>
    </Page>
  )
}
