import { useEffect } from 'react'
import { View } from '@tarojs/components'
import { Page } from '../../components/page'
import { OrderCard } from '../../components/order-card'
import { CallButton } from '../../components/call-button'
import { BigButton } from '../../components/big-button'
import { Loading } from '../../components/loading'
import { ErrorState } from '../../components/error-state'
import { fetchOrders } from '../../api'
import { getToken, getUser } from '../../auth/session'
import { useOrderPages } from '../../lib/use-order-pages'
import { LoadMore } from '../../components/load-more'
import { ROUTES, ensureLoggedIn } from '../../lib/nav'
import { formatDateTime } from '../../lib/time'

/** Orders no station could take: the supervisor arranges them by phone. */
export default function UnassignedOrdersPage() {
  const loggedIn = !!getToken()
  const isSupervisor = getUser()?.role === 'supervisor'
  useEffect(() => {
    ensureLoggedIn(ROUTES.supervisorUnassigned, '民政监管人员请先登录。')
  }, [])
  // The server lists the unassigned queue in time order (earliest visit first), page after page.
  const orders = useOrderPages((cursor) => fetchOrders({ status: 'unassigned', cursor }), [], loggedIn && isSupervisor)
  const list = orders.orders

  return (
    <Page title='待派单的订单' nav='supervisor' active='supervisor' help={false}>
      <View className='stack'>
        {loggedIn && !isSupervisor ? <View className='notice warn'>这一页是给民政监管人员用的。您的账号没有这个权限。</View> : null}
        <View className='t-muted'>这些订单附近没有驿站能接（都已拒单、没有空档或不在服务圈内），需要协调安排。请联系老人或家属。</View>
        {orders.loaded ? (
          <View className='t-big' data-testid='unassigned-count'>
            {orders.hasMore ? `已显示 ${list.length} 单，还有更多` : `共 ${list.length} 单待安排`}
          </View>
        ) : null}
        {orders.loading ? <Loading /> : null}
        {orders.error ? <ErrorState error={orders.error} onRetry={orders.reload} /> : null}
        {orders.loaded && list.length === 0 ? <View className='notice ok'>现在没有待派单的订单。</View> : null}
        {list.map((o) => (
          <OrderCard key={o.id} order={o} showAddress>
            <View className='t-small'>下单时间：{formatDateTime(o.createdAt)}</View>
            <View className='t-small'>派单情况：{o.routeExplanation}</View>
            {o.elder.phone ? (
              <CallButton phone={o.elder.phone} ariaLabel={`打电话给${o.elder.name}`}>
                打给老人 {o.elder.name}
              </CallButton>
            ) : (
              <View className='t-small'>老人没有登记电话，请通过社区联系。</View>
            )}
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
