import { useEffect } from 'react'
import { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Page } from '../../components/page'
import { OrderCard } from '../../components/order-card'
import { BigButton } from '../../components/big-button'
import { Loading } from '../../components/loading'
import { ErrorState } from '../../components/error-state'
import { fetchOrders } from '../../api'
import { getToken } from '../../auth/session'
import { useOrderPages } from '../../lib/use-order-pages'
import { LoadMore } from '../../components/load-more'
import { ROUTES, ensureLoggedIn, go, goTop, withQuery } from '../../lib/nav'

/** 我的订单: the orders of the elders this person acts for, status in words. */
export default function OrdersPage() {
  const loggedIn = !!getToken()
  useEffect(() => {
    ensureLoggedIn(ROUTES.orders, '请先登录，登录后才能看到您的订单。')
  }, [])
  const orders = useOrderPages((cursor) => fetchOrders({ cursor }), [], loggedIn)
  // Coming back from a detail page where the order changed: show the new status.
  useDidShow(() => {
    if (loggedIn && !orders.loading) orders.reload()
  })

  const list = orders.orders
  return (
    <Page title='我的订单' active='orders'>
      <View className='stack'>
        {!loggedIn ? <View className='notice'>请先登录，正在为您打开登录页……</View> : null}
        {orders.loading && !orders.loaded ? <Loading /> : null}
        {orders.error ? <ErrorState error={orders.error} onRetry={orders.reload} /> : null}
        {orders.loaded && list.length === 0 ? (
          <View className='stack'>
            <View className='notice'>还没有订单。回到首页点一个服务就能预约。</View>
            <BigButton onPress={() => goTop(ROUTES.home)}>去预约服务</BigButton>
          </View>
        ) : null}
        {list.map((o) => (
          <OrderCard key={o.id} order={o} onPress={() => go(withQuery(ROUTES.orderDetail, { id: o.id }))} />
        ))}
        <LoadMore pages={orders} />
      </View>
    </Page>
  )
}
