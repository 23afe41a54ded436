import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { formatYuan } from '@carecircle/shared'
import { Page } from '../../components/page'
import { Choice, ChoiceGrid } from '../../components/choice'
import { Loading } from '../../components/loading'
import { ErrorState } from '../../components/error-state'
import { VisitRecordCard } from '../../components/visit-record'
import { fetchElderRounds, fetchVisits } from '../../api'
import { RoundTimeline } from '../../components/round-timeline'
import { getToken } from '../../auth/session'
import { useLoad } from '../../lib/use-load'
import { businessMonth, monthLabel } from '../../lib/family-words'
import { minutesText } from '../../lib/words'
import { ROUTES, ensureLoggedIn, go, readParam, withQuery } from '../../lib/nav'
import { WholeNumbers } from '../../components/whole-numbers'

const MONTHS = [0, -1]

/** A parent's completed visits, this month or last: the daily proof a relative far away reads instead of a phone call. */
export default function VisitsPage() {
  const { params } = useRouter()
  const elderId = Number(readParam(params, 'elderId'))
  const name = readParam(params, 'name')
  const loggedIn = !!getToken()
  useEffect(() => {
    ensureLoggedIn(withQuery(ROUTES.visits, { elderId, name }), '请先登录，登录后才能看服务记录。')
  }, [])
  const [offset, setOffset] = useState(0)
  const month = businessMonth(offset)
  const visits = useLoad(() => fetchVisits(elderId, month), [elderId, month], loggedIn && elderId > 0)
  const data = visits.data?.month === month ? visits.data : null
  // 社区巡访 of the same month; a failure here leaves the visit records as they are.
  const rounds = useLoad(() => fetchElderRounds(elderId, month), [elderId, month], loggedIn && elderId > 0)
  const who = data?.elder.name ?? name

  return (
    <Page title={who ? `${who}的上门服务记录` : '上门服务记录'} active='mine'>
      <View className='stack'>
        <ChoiceGrid>
          {MONTHS.map((m) => (
            <Choice key={m} label={m === 0 ? '本月' : '上月'} sub={monthLabel(businessMonth(m))} selected={m === offset} testId='visit-month' value={businessMonth(m)} onPress={() => setOffset(m)} />
          ))}
        </ChoiceGrid>
        {visits.loading ? <Loading /> : null}
        {visits.error ? <ErrorState error={visits.error} onRetry={visits.reload} /> : null}
        {data ? (
          <View className='notice' data-testid='visit-totals'>
            <WholeNumbers text={`${monthLabel(month)}共上门 ${data.totals.visits} 次，服务 ${minutesText(data.totals.servedMinutes)}，实收 ¥${formatYuan(data.totals.chargedFen)}。`} />
          </View>
        ) : null}
        {rounds.data && !rounds.loading ? <RoundTimeline data={rounds.data} /> : null}
        {data && data.visits.length === 0 ? <View className='notice'>这个月还没有完成的上门服务。</View> : null}
        {data?.visits.map((v) => (
          <VisitRecordCard key={v.orderId} visit={v} onPress={() => go(withQuery(ROUTES.orderDetail, { id: v.orderId }))} />
        ))}
      </View>
    </Page>
  )
}
