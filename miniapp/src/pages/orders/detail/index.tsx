import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { Order } from '@carecircle/shared'
import { Page } from '../../../components/page'
import { OrderActions } from '../../../components/order-actions'
import { OrderRating } from '../../../components/order-rating'
import { CallButton } from '../../../components/call-button'
import { BigButton } from '../../../components/big-button'
import { Loading } from '../../../components/loading'
import { ErrorState } from '../../../components/error-state'
import { fetchOrder } from '../../../api'
import { getToken, getUser } from '../../../auth/session'
import { useLoad } from '../../../lib/use-load'
import { saveHelpStation } from '../../../lib/help-contacts'
import { ROUTES, ensureLoggedIn, go, goTop, readParam, withQuery } from '../../../lib/nav'
import { Timeline } from './timeline'
import { Details } from './details'
import { OrderProblem } from './problem'

/** One order: status in words, its timeline, and only the actions that will work now. */
export default function OrderDetailPage() {
  const { params } = useRouter()
  const id = readParam(params, 'id')
  const justCreated = readParam(params, 'created') === '1'
  const loggedIn = !!getToken()
  useEffect(() => {
    ensureLoggedIn(withQuery(ROUTES.orderDetail, { id }), '请先登录，登录后才能看到订单。')
  }, [])

  const loaded = useLoad(() => fetchOrder(id), [id], loggedIn && /^[1-9]\d*$/.test(id))
  const [changed, setChanged] = useState<Order | null>(null)
  const order = changed ?? loaded.data
  // An action answers with the updated order; reload as well to get its new timeline events.
  const onChanged = (next: Order) => {
    setChanged(next)
    loaded.reload()
  }
  useEffect(() => setChanged(null), [loaded.data])
  useEffect(() => {
    if (order?.station) saveHelpStation(order.station)
  }, [order?.station?.id])

  return (
    <Page title='订单详情' active='orders' station={order?.station ?? null}>
      <View className='stack'>
        {justCreated && order ? (
          <View className='notice ok' data-testid='booking-success' role='status'>
            <View className='t-big'>预约成功</View>
            <View>驿站会尽快确认。到时间会有服务人员上门，有变化会在这里显示。</View>
          </View>
        ) : null}
        {loaded.loading && !order ? <Loading /> : null}
        {loaded.error ? (
          <ErrorState error={loaded.error} onRetry={loaded.reload}>
            <BigButton variant='secondary' onPress={() => goTop(ROUTES.orders)}>
              看我的全部订单
            </BigButton>
          </ErrorState>
        ) : null}
        {order ? (
          <>
            {/* What went wrong comes first, with what to do about it: never below the details and the rating. */}
            <OrderProblem order={order} />
            <Details order={order} />
            <OrderActions order={order} onChanged={onChanged} />
            {/* 评价: only the elder or family rate a completed order. */}
            {getUser()?.role === 'elder' || getUser()?.role === 'family' ? <OrderRating order={order} onChanged={setChanged} /> : null}
            {order.station ? (
              <CallButton phone={order.station.phone} ariaLabel={`打电话给${order.station.name}`}>
                有问题，打给驿站
              </CallButton>
            ) : null}
            {order.status === 'completed' ? (
              <BigButton variant='secondary' testId='open-visit-record' onPress={() => go(withQuery(ROUTES.visitRecord, { orderId: order.id }))}>
                看服务记录（谁来的、做了什么）
              </BigButton>
            ) : null}
            {/* 投诉 is one tap from every order (issue 8). */}
            <BigButton variant='secondary' testId='complain-order' onPress={() => go(withQuery(ROUTES.complaintNew, { orderId: order.id }))}>
              投诉这单服务
            </BigButton>
            <View className='section-title'>进展</View>
            <Timeline events={order.events ?? loaded.data?.events ?? []} />
          </>
        ) : null}
      </View>
    </Page>
  )
}
