import { useEffect } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Page } from '../../../components/page'
import { BigButton } from '../../../components/big-button'
import { Loading } from '../../../components/loading'
import { ErrorState } from '../../../components/error-state'
import { OutsideCircleNotice } from '../../../components/outside-circle'
import { fetchServices } from '../../../api'
import { useLoad } from '../../../lib/use-load'
import { ROUTES, back, ensureLoggedIn, go, readParam, withQuery } from '../../../lib/nav'
import { AboutMinutes } from '../../../components/whole-numbers'
import { ElderPicker } from '../../../components/elder-picker'
import { DayPicker, DayNotices } from './day-picker'
import { SlotList } from './slot-list'
import { useDaySlots } from './use-day-slots'
import { useBookingElder } from '../../../lib/use-booking-elder'

/** Booking step 2: (whose visit,) which day, which time — or, before any time, why none can be booked. */
export default function BookTimePage() {
  const { params } = useRouter()
  const serviceId = Number(readParam(params, 'serviceId'))
  // 代客下单: staff or a supervisor book for the elder who phoned in, named in the link.
  const forId = Number(readParam(params, 'elderId'))
  const forElder = forId > 0 ? { id: forId, name: readParam(params, 'elderName') } : null
  useEffect(() => {
    ensureLoggedIn(withQuery(ROUTES.bookTime, { serviceId }), '预约服务前请先登录，登录后会回到这一步。')
  }, [])

  const { loggedIn, me, elders, elderId, elder, setElderId, several } = useBookingElder(forElder)
  const services = useLoad(fetchServices, [])
  const service = services.data?.services.find((s) => s.id === serviceId)
  const { days, day, pickDay, slots, data, skipped, noneThisWeek, weekReason } = useDaySlots(elderId, serviceId)
  // Once the home is known to be outside every circle, say so instead of offering days and times.
  const outside = slots.data?.outsideCircle ?? null

  return (
    <Page title={service ? `预约：${service.name}` : '预约服务'} nav='none'>
      <View className='stack'>
        {!loggedIn ? <View className='notice'>请先登录，正在为您打开登录页……</View> : null}
        {services.error ? <ErrorState error={services.error} onRetry={services.reload} /> : null}
        {me.loading ? <Loading /> : null}
        {me.error ? <ErrorState error={me.error} onRetry={me.reload} /> : null}
        {forElder ? (
          <View className='notice' data-testid='booking-for'>
            为 <Text className='t-strong'>{forElder.name || '这位老人'}</Text> 代为预约（电话代订）
          </View>
        ) : null}
        {me.data && !elders.some((e) => e.status === 'active') && !several ? (
          <View className='notice warn'>
            {elders.length === 0
              ? '这个账号还没有可以代为预约的老人（家属要先和老人绑定，并经老人同意）。请在“我的家人”里绑定；如需帮助，请拨打上方的 12349。'
              : `${elders[0].name}的资料还在等驿站工作人员上门确认，确认后才能预约。`}
          </View>
        ) : null}
        {several ? <ElderPicker elders={elders} elderId={elderId} onPick={setElderId} /> : null}

        {outside ? <OutsideCircleNotice outside={outside} who={several ? elder?.name : undefined} /> : null}
        {elderId !== null && slots.data && !outside ? (
          <>
            <DayPicker step={several ? '2. ' : ''} days={days} day={day} onPick={pickDay} />
            <View className='section-title times'>{several ? '3. 点一个时间' : '点一个时间'}</View>
            <DayNotices days={days} day={day} skipped={skipped} noneThisWeek={noneThisWeek} weekReason={weekReason} />
            {data && !data.serviceOffered ? (
              <View className='notice warn' data-testid='day-reason'>
                您附近的驿站暂时不提供这项服务。请返回选择其他服务，或拨打 12349 咨询。
              </View>
            ) : null}
            {data?.serviceOffered ? (
              <SlotList
                slots={data.slots}
                onPick={(slotStart) => go(withQuery(ROUTES.bookConfirm, { serviceId, elderId: elderId as number, slotStart, elderName: forElder?.name }))}
                onOpenOrder={(id) => go(withQuery(ROUTES.orderDetail, { id }))}
              />
            ) : null}
          </>
        ) : null}
        {elderId !== null && (slots.loading || (slots.data && !data && !outside)) ? <Loading text='正在查看哪些时间可以预约……' /> : null}
        {slots.error ? <ErrorState error={slots.error} onRetry={slots.reload} /> : null}
        {/* What the service is, after the times: the times come first on a small phone. */}
        {service ? (
          <View className='t-muted' data-testid='service-about'>
            {service.name}：{service.description}（<AboutMinutes minutes={service.durationMinutes} />）
          </View>
        ) : null}

        <BigButton variant='secondary' onPress={() => back()}>
          返回上一步
        </BigButton>
      </View>
    </Page>
  )
}
