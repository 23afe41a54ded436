import { useEffect, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { Order } from '@carecircle/shared'
import { Page } from '../../components/page'
import { OrderCard } from '../../components/order-card'
import { OrderActions } from '../../components/order-actions'
import { CallButton } from '../../components/call-button'
import { Choice, ChoiceGrid } from '../../components/choice'
import { BigButton } from '../../components/big-button'
import { Loading } from '../../components/loading'
import { ErrorState } from '../../components/error-state'
import { fetchOrders } from '../../api'
import { getToken, getUser } from '../../auth/session'
import { useOrderPages } from '../../lib/use-order-pages'
import { LoadMore } from '../../components/load-more'
import { ROUTES, ensureLoggedIn } from '../../lib/nav'
import { businessDate, dayLabel } from '../../lib/time'
import { RoundsEntry } from '../rounds/rounds-entry'
import { CheckedOut } from './checked-out'

const DAYS = [0, 1]

/** The station's orders for one business day, with the buttons the staff member may use now. */
export default function StaffOrdersPage() {
  const loggedIn = !!getToken()
  const user = getUser()
  const isStaff = user?.role === 'staff' || user?.role === 'station_admin'
  useEffect(() => {
    ensureLoggedIn(ROUTES.staffOrders, '驿站工作人员请先登录。')
  }, [])

  const [offset, setOffset] = useState(0)
  const date = businessDate(offset)
  const orders = useOrderPages((cursor) => fetchOrders({ date, cursor }), [date], loggedIn && isStaff)
  const [updated, setUpdated] = useState<Record<number, Order>>({})
  useEffect(() => setUpdated({}), [orders.loaded, date])
  useDidShow(() => {
    if (loggedIn && isStaff && !orders.loading) orders.reload()
  })

  // The server lists a day in time order, page after page.
  const list = orders.orders.map((o) => updated[o.id] ?? o)
  const waiting = list.filter((o) => o.allowedActions.includes('accept')).length

  return (
    <Page title='驿站订单' nav='staff' active='staff' help={false}>
      <View className='stack'>
        {loggedIn && !isStaff ? <View className='notice warn'>这一页是给驿站工作人员用的。您的账号不是驿站账号。</View> : null}
        <RoundsEntry enabled={loggedIn && isStaff} />
        <ChoiceGrid>
          {DAYS.map((d) => {
            const label = dayLabel(businessDate(d), d)
            return <Choice key={d} label={label.name} sub={label.date} selected={d === offset} testId='staff-day' onPress={() => setOffset(d)} />
          })}
        </ChoiceGrid>
        {orders.loaded ? (
          <View className='t-big' data-testid='staff-summary'>
            {orders.hasMore ? `已显示 ${list.length} 单` : `共 ${list.length} 单`}，其中待接单 {waiting} 单
          </View>
        ) : null}
        {orders.loading && !orders.loaded ? <Loading /> : null}
        {orders.error ? <ErrorState error={orders.error} onRetry={orders.reload} /> : null}
        {orders.loaded && list.length === 0 ? <View className='notice'>这一天还没有订单。</View> : null}
        {list.map((o) => (
          <OrderCard key={o.id} order={o} showAddress>
            <CheckedOut order={o} />
            {o.elder.phone ? (
              <CallButton phone={o.elder.phone} ariaLabel={`打电话给${o.elder.name}`}>
                打给老人 {o.elder.name}
              </CallButton>
            ) : null}
            <OrderActions order={o} onChanged={(next) => setUpdated((m) => ({ ...m, [next.id]: next }))} />
          </OrderCard>
        ))}
        <LoadMore pages={orders} />
        <BigButton variant='secondary' onPress={orders.reload} testId='refresh'>
          刷新
        </BigButton>
      </View>
    </Page>
  )
}
