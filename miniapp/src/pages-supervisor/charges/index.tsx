import { View } from '@tarojs/components'
import { Page } from '../../components/page'
import { OrderCard } from '../../components/order-card'
import { BigButton } from '../../components/big-button'
import { Loading } from '../../components/loading'
import { ErrorState } from '../../components/error-state'
import { LoadMore } from '../../components/load-more'
import { fetchChargeFlagged } from '../../api'
import { useOrderPages } from '../../lib/use-order-pages'
import { ROUTES } from '../../lib/nav'
import { useSupervisor } from '../supervisor-only'

const FLAG_WORDS = { overcharge: '多收了钱', undercharge: '少收了钱' } as const

/** 收费异常: every order whose amount collected differed from the quote, newest first, page after page. */
export default function SupervisorChargesPage() {
  const { allowed, notice } = useSupervisor(ROUTES.supervisorCharges)
  const orders = useOrderPages((cursor) => fetchChargeFlagged(cursor), [], allowed)
  const list = orders.orders
  return (
    <Page title='收费异常' nav='supervisor' active='more' help={false}>
      <View className='stack'>
        {notice}
        <View className='t-muted'>服务人员签退时记录的实收，和老人预约时确认的应付不一样的订单。多收的请核实，必要时督促驿站退还。</View>
        {orders.loaded ? (
          <View className='t-big' data-testid='charge-count'>
            {orders.hasMore ? `已显示 ${list.length} 单，还有更多` : `共 ${list.length} 单`}
          </View>
        ) : null}
        {orders.loading ? <Loading /> : null}
        {orders.error ? <ErrorState error={orders.error} onRetry={orders.reload} /> : null}
        {orders.loaded && list.length === 0 ? <View className='notice ok'>没有收费异常的订单。</View> : null}
        {list.map((o) => (
          <OrderCard key={o.id} order={o}>
            {o.charge ? (
              <View className={`notice ${o.charge.flag === 'overcharge' ? 'bad' : 'warn'}`} data-testid='charge-flag' data-flag={o.charge.flag ?? ''}>
                <View className='t-strong'>{o.charge.flag ? FLAG_WORDS[o.charge.flag] : '收费一致'}</View>
                <View>{o.charge.text}</View>
              </View>
            ) : null}
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
