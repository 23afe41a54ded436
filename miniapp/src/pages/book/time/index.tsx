import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { TIER_LABELS } from '@carecircle/shared'
import { Page } from '../../../components/page'
import { Choice, ChoiceGrid } from '../../../components/choice'
import { BigButton } from '../../../components/big-button'
import { Loading } from '../../../components/loading'
import { ErrorState } from '../../../components/error-state'
import { fetchMe, fetchServices, fetchBookableSlots } from '../../../api'
import { getToken, saveMe } from '../../../auth/session'
import { useLoad } from '../../../lib/use-load'
import { ROUTES, back, ensureLoggedIn, go, readParam, withQuery } from '../../../lib/nav'
import { businessDate, dayLabel } from '../../../lib/time'
import { minutesText } from '../../../lib/words'
import { SlotList } from './slot-list'

const DAYS = 7

/** Booking step 2: (whose visit,) which day, which time. Tapping a time goes straight to confirm. */
export default function BookTimePage() {
  const { params } = useRouter()
  const serviceId = Number(readParam(params, 'serviceId'))
  const loggedIn = !!getToken()
  useEffect(() => {
    ensureLoggedIn(withQuery(ROUTES.bookTime, { serviceId }), '预约服务前请先登录，登录后会回到这一步。')
  }, [])

  const me = useLoad(async () => {
    const value = await fetchMe()
    saveMe(value)
    return value
  }, [], loggedIn)
  const services = useLoad(fetchServices, [])
  const service = services.data?.services.find((s) => s.id === serviceId)
  const elders = me.data?.elders ?? []

  const [elderId, setElderId] = useState<number | null>(null)
  useEffect(() => {
    if (elders.length === 1) setElderId(elders[0].id)
  }, [me.data])

  const days = Array.from({ length: DAYS }, (_, i) => businessDate(i))
  const [day, setDay] = useState(days[0])
  // Until the person picks a day, start on the first day that still has room (keeps booking at 3 taps).
  const [dayPicked, setDayPicked] = useState(false)
  const slots = useLoad(() => fetchBookableSlots(elderId as number, serviceId, day), [elderId, serviceId, day], elderId !== null && serviceId > 0)
  useEffect(() => {
    const index = days.indexOf(day)
    const full = slots.data && !slots.loading && !slots.data.slots.some((s) => s.available)
    if (full && !dayPicked && index >= 0 && index < DAYS - 1) setDay(days[index + 1])
  }, [slots.data, slots.loading])
  const skipped = !dayPicked && day !== days[0]
  const pickDay = (d: string) => {
    setDayPicked(true)
    setDay(d)
  }

  const pick = (slotStart: string) =>
    go(withQuery(ROUTES.bookConfirm, { serviceId, elderId: elderId as number, slotStart }))

  return (
    <Page title={service ? `预约：${service.name}` : '预约服务'} nav='none'>
      <View className='stack'>
        {!loggedIn ? <View className='notice'>请先登录，正在为您打开登录页……</View> : null}
        {service ? (
          <View className='t-muted'>
            {service.description}（约 {minutesText(service.durationMinutes)}）
          </View>
        ) : null}
        {services.error ? <ErrorState error={services.error} onRetry={services.reload} /> : null}
        {me.loading ? <Loading /> : null}
        {me.error ? <ErrorState error={me.error} onRetry={me.reload} /> : null}
        {me.data && elders.length === 0 ? (
          <View className='notice warn'>
            这个账号还没有可以代为预约的老人（家属要先和老人绑定，并经老人同意）。如需帮助，请拨打上方的 12349。
          </View>
        ) : null}

        {elders.length > 1 ? (
          <>
            <View className='section-title'>1. 为谁预约</View>
            <ChoiceGrid>
              {elders.map((e) => (
                <Choice
                  key={e.id}
                  label={e.name}
                  sub={`${TIER_LABELS[e.tier]}${e.tierVerified ? '' : '（未核定，按有偿）'}`}
                  selected={e.id === elderId}
                  testId='elder'
                  value={String(e.id)}
                  onPress={() => setElderId(e.id)}
                />
              ))}
            </ChoiceGrid>
          </>
        ) : null}

        {elderId !== null ? (
          <>
            <View className='section-title'>{elders.length > 1 ? '2. 选哪一天' : '选哪一天'}</View>
            <ChoiceGrid>
              {days.map((d, i) => {
                const label = dayLabel(d, i)
                return (
                  <Choice key={d} label={label.name} sub={label.date} selected={d === day} testId='day' value={d} onPress={() => pickDay(d)} />
                )
              })}
            </ChoiceGrid>
            <View className='section-title'>{elders.length > 1 ? '3. 点一个时间' : '点一个时间'}</View>
            {skipped && !slots.loading ? (
              <View className='notice' data-testid='day-skipped'>
                {days.indexOf(day) === 1 ? '今天' : '前面几天'}的时间已经约满（或已过），已为您显示最近还能约的一天：{dayLabel(day, days.indexOf(day)).date}。
              </View>
            ) : null}
            {slots.loading ? <Loading text='正在查看哪些时间可以预约……' /> : null}
            {slots.error ? <ErrorState error={slots.error} onRetry={slots.reload} /> : null}
            {slots.data && !slots.loading ? <SlotList slots={slots.data.slots} onPick={pick} /> : null}
          </>
        ) : null}

        <BigButton variant='secondary' onPress={() => back()}>
          返回上一步
        </BigButton>
      </View>
    </Page>
  )
}
