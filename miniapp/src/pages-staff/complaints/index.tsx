import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import type { ComplaintStatus } from '@carecircle/shared'
import { Page } from '../../components/page'
import { ComplaintList } from '../../components/complaint-list'
import { Choice, ChoiceGrid } from '../../components/choice'
import { getToken, getUser } from '../../auth/session'
import { ROUTES, ensureLoggedIn } from '../../lib/nav'
import { WholeNumbers } from '../../components/whole-numbers'

const VIEWS: { label: string; status?: ComplaintStatus }[] = [
  { label: '待受理', status: 'submitted' },
  { label: '处理中', status: 'acknowledged' },
  { label: '全部' },
]

/** The station's complaints to answer, with each deadline as a badge in words ("今天 18:00 前受理", "已超时"). */
export default function StaffComplaintsPage() {
  const loggedIn = !!getToken()
  const role = getUser()?.role
  const isStation = role === 'staff' || role === 'station_admin'
  useEffect(() => {
    ensureLoggedIn(ROUTES.staffComplaints, '驿站工作人员请先登录。')
  }, [])
  const [view, setView] = useState(0)
  return (
    <Page title='本站收到的投诉' nav='staff' active='complaints' help={false}>
      <View className='stack'>
        {loggedIn && !isStation ? <View className='notice warn'>这一页是给驿站工作人员用的。您的账号没有这个权限。</View> : null}
        {role === 'staff' ? <View className='notice'>投诉由驿站管理员答复。您可以查看，有情况请告诉管理员。</View> : null}
        <View className='t-muted'><WholeNumbers text='收到投诉后 1 天内受理、7 天内办结；' />超过期限会自动转给民政部门督办。</View>
        <ChoiceGrid>
          {VIEWS.map((v, i) => (
            <Choice key={v.label} label={v.label} selected={view === i} testId='complaint-filter' onPress={() => setView(i)} />
          ))}
        </ChoiceGrid>
        <ComplaintList role={role ?? 'staff'} filters={{ status: VIEWS[view].status }} empty='这里没有投诉。' enabled={loggedIn && isStation} />
      </View>
    </Page>
  )
}
