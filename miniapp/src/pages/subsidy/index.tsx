import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Page } from '../../components/page'
import { Choice, ChoiceGrid } from '../../components/choice'
import { Loading } from '../../components/loading'
import { ErrorState } from '../../components/error-state'
import { ElderPicker } from '../../components/elder-picker'
import { fetchHours } from '../../api'
import { getUser } from '../../auth/session'
import { useLoad } from '../../lib/use-load'
import { useBookingElder } from '../../lib/use-booking-elder'
import { businessDate, formatDateCn } from '../../lib/time'
import { ROUTES, ensureLoggedIn } from '../../lib/nav'
import { Balances, Movements, TierCard } from '../../components/hours-view'

/** Next week too: on a Sunday a visit booked for Monday uses next week's minutes, and the price says so. */
const WEEKS = [
  { offset: -7, label: '上周', value: 'last' },
  { offset: 0, label: '本周', value: 'this' },
  { offset: 7, label: '下周', value: 'next' },
]

/** 我的补贴: the tier and why, a week's purchased minutes per kind (last, this or next week), and every movement with its order. */
export default function SubsidyPage() {
  useEffect(() => {
    ensureLoggedIn(ROUTES.subsidy, '请先登录，登录后才能看补贴和服务时长。')
  }, [])
  const who = useBookingElder()
  const [offset, setOffset] = useState(0)
  const elder = who.elder
  const hours = useLoad(() => fetchHours(elder!.id, offset ? businessDate(offset) : undefined), [elder?.id, offset], !!elder)
  const self = getUser()?.role === 'elder'

  return (
    <Page title={self || !elder ? '我的补贴' : `${elder.name}的补贴`}>
      <View className='stack' data-testid='subsidy'>
        {who.several ? <ElderPicker elders={who.elders} elderId={who.elderId} onPick={who.setElderId} title='看谁的补贴' pickHint='请点一下要看谁的补贴。' /> : null}
        {who.me.loading || hours.loading ? <Loading /> : null}
        {who.me.error ? <ErrorState error={who.me.error} onRetry={who.me.reload} /> : null}
        {who.me.data && who.elders.length === 0 ? <View className='notice'>您还没有绑定老人。在“我的家人”里绑定后，就能看老人的补贴。</View> : null}
        {hours.error ? <ErrorState error={hours.error} onRetry={hours.reload} /> : null}
        {hours.data ? (
          <>
            <TierCard hours={hours.data} />
            <View className='section-title'>政府购买的服务时长</View>
            <ChoiceGrid>
              {WEEKS.map((w) => (
                <Choice key={w.offset} label={w.label} selected={offset === w.offset} testId='subsidy-week' value={w.value} onPress={() => setOffset(w.offset)} />
              ))}
            </ChoiceGrid>
            <View className='t-muted' data-testid='subsidy-week-start'>
              从 <Text className='nowrap'>{formatDateCn(hours.data.weekStart)}</Text>（周一）起的一周；每周一零点重新发放，没用完的不留到下周。
            </View>
            <Balances hours={hours.data} />
            <View className='section-title'>这一周的记录</View>
            <Movements hours={hours.data} />
          </>
        ) : null}
      </View>
    </Page>
  )
}
