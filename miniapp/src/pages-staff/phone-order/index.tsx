import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import { CATEGORY_LABELS, type ElderListItem } from '@carecircle/shared'
import { Page } from '../../components/page'
import { BigButton } from '../../components/big-button'
import { Card } from '../../components/card'
import { Loading } from '../../components/loading'
import { ErrorState } from '../../components/error-state'
import { fetchServices } from '../../api'
import { getToken, getUser } from '../../auth/session'
import { useLoad } from '../../lib/use-load'
import { navArea } from '../../lib/nav-area'
import { ROUTES, ensureLoggedIn, go, withQuery } from '../../lib/nav'
import { AboutMinutes } from '../../components/whole-numbers'
import { ElderSearch } from '../../components/elder-search'

/**
 * 代客下单: an elder phoned the station (or 12349). Find them by name or the phone's last 4 digits, pick the service,
 * then the same time and confirm steps as a resident's booking, for that elder; the order says it was booked by phone.
 */
export default function PhoneOrderPage() {
  const user = getUser()
  const area = navArea(user?.role)
  const allowed = area === 'staff' || area === 'supervisor'
  useEffect(() => {
    ensureLoggedIn(ROUTES.staffPhoneOrder, '驿站工作人员请先登录。')
  }, [])
  const [elder, setElder] = useState<ElderListItem | null>(null)
  const services = useLoad(fetchServices, [], elder !== null)

  return (
    <Page title='代客下单' nav={area === 'supervisor' ? 'supervisor' : 'staff'} active={area === 'supervisor' ? 'more' : 'phone'} help={false}>
      <View className='stack'>
        {getToken() && !allowed ? <View className='notice warn'>这一页是给驿站工作人员和民政监管人员用的。</View> : null}
        {elder ? (
          <>
            <View className='notice' data-testid='phone-order-elder'>
              为 <View className='t-strong'>{elder.name}</View> 下单（{elder.phone ?? '没有手机'}）。
            </View>
            <BigButton variant='secondary' testId='change-elder' onPress={() => setElder(null)}>
              换一位老人
            </BigButton>
            <View className='section-title'>1. 选服务</View>
            {services.loading ? <Loading /> : null}
            {services.error ? <ErrorState error={services.error} onRetry={services.reload} /> : null}
            {services.data?.services.map((s) => (
              <Card
                key={s.id}
                title={s.name}
                testId='phone-order-service'
                onPress={() => go(withQuery(ROUTES.bookTime, { serviceId: s.id, elderId: elder.id, elderName: elder.name }))}
              >
                <View className='t-small'>
                  {CATEGORY_LABELS[s.category]} · <AboutMinutes minutes={s.durationMinutes} />
                </View>
              </Card>
            ))}
          </>
        ) : (
          <>
            <View className='t-muted'>老人打电话来要预约：先找到老人，再选服务、选时间、确认价格。订单上会写明是您电话代订的。</View>
            <ElderSearch
              none='没有找到。请核对姓名或手机号后 4 位；老人没有建档的，请家属在“我的家人”里建档。'
              actions={(e) =>
                e.status === 'active' ? (
                  <BigButton testId='pick-elder' onPress={() => setElder(e)}>
                    为{e.name}下单
                  </BigButton>
                ) : (
                  <BigButton variant='secondary' testId='go-pending' onPress={() => go(ROUTES.staffPendingElders)}>
                    先确认资料
                  </BigButton>
                )
              }
            />
            <BigButton variant='secondary' testId='pending-elders' onPress={() => go(ROUTES.staffPendingElders)}>
              待确认的老人
            </BigButton>
          </>
        )}
      </View>
    </Page>
  )
}
