import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import { COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS, type ComplaintCategory, type ComplaintStatus } from '@carecircle/shared'
import { Page } from '../../components/page'
import { ComplaintList } from '../../components/complaint-list'
import { Choice, ChoiceGrid } from '../../components/choice'
import { getToken, getUser } from '../../auth/session'
import { ROUTES, ensureLoggedIn } from '../../lib/nav'
import { STATUS_FOR_OTHERS } from '../../lib/complaint-words'

/** The filter buttons: 全部, then the same words the cards start with (one list, STATUS_FOR_OTHERS). */
const STATUS_FILTERS: { label: string; status?: ComplaintStatus }[] = [{ label: '全部' }, ...STATUS_FOR_OTHERS.map((s) => ({ label: s.filter, status: s.status }))]

/** The supervisor's desk: every station's complaints, filtered by status, category and overdue, a page at a time. */
export default function SupervisorComplaintsPage() {
  const loggedIn = !!getToken()
  const isSupervisor = getUser()?.role === 'supervisor'
  useEffect(() => {
    ensureLoggedIn(ROUTES.supervisorComplaints, '民政监管人员请先登录。')
  }, [])
  const [status, setStatus] = useState<ComplaintStatus | undefined>(undefined)
  const [category, setCategory] = useState<ComplaintCategory | undefined>(undefined)
  const [overdue, setOverdue] = useState(false)

  return (
    <Page title='投诉督办' nav='supervisor' active='complaints' help={false}>
      <View className='stack'>
        {loggedIn && !isSupervisor ? <View className='notice warn'>这一页是给民政监管人员用的。您的账号没有这个权限。</View> : null}
        <View className='section-title'>按进展看</View>
        <ChoiceGrid wide>
          {STATUS_FILTERS.map((f) => (
            <Choice key={f.label} label={f.label} selected={status === f.status} testId='status-filter' value={f.status ?? 'all'} onPress={() => setStatus(f.status)} />
          ))}
        </ChoiceGrid>
        <View className='section-title'>按类别看</View>
        <ChoiceGrid wide>
          <Choice label='全部类别' selected={category === undefined} testId='category-filter' value='all' onPress={() => setCategory(undefined)} />
          {COMPLAINT_CATEGORIES.map((c) => (
            <Choice key={c} label={COMPLAINT_CATEGORY_LABELS[c]} selected={category === c} testId='category-filter' value={c} onPress={() => setCategory(c)} />
          ))}
        </ChoiceGrid>
        <ChoiceGrid>
          <Choice label='只看已超时的' sub='驿站没在期限内受理或办结' selected={overdue} testId='overdue-filter' onPress={() => setOverdue(!overdue)} />
        </ChoiceGrid>
        <View className='section-title'>投诉（最新的在前）</View>
        <ComplaintList
          role='supervisor'
          filters={{ status, category, overdue: overdue ? true : undefined }}
          empty='没有符合条件的投诉。'
          enabled={loggedIn && isSupervisor}
        />
      </View>
    </Page>
  )
}
