import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Page } from '../../../components/page'
import { BigButton } from '../../../components/big-button'
import { PayBar } from '../../../components/pay-bar'
import { Loading } from '../../../components/loading'
import { ErrorState } from '../../../components/error-state'
import { createQuote, createOrder, toApiError, type ApiError } from '../../../api'
import { getMe, getToken, getUser } from '../../../auth/session'
import { useLoad } from '../../../lib/use-load'
import { newIdempotencyKey } from '../../../lib/ids'
import { saveHelpStation } from '../../../lib/help-contacts'
import { saveLastElderId } from '../../../lib/booking-elder'
import { ROUTES, back, ensureLoggedIn, goTop, readParam, withQuery } from '../../../lib/nav'
import { QuoteSummary } from './quote-summary'

/** Errors where trying again cannot help: offer another time, home, or the existing order instead. */
const NO_RETRY = new Set([
  'SLOT_FULL', 'SLOT_NOT_BOOKABLE', 'NO_STATION_IN_CIRCLE', 'SERVICE_NOT_OFFERED', 'NO_PRICE_PUBLISHED',
  'ALREADY_BOOKED', 'ELDER_NOT_FOUND', 'IDEMPOTENCY_KEY_REUSED', 'FORBIDDEN', 'ELDER_PENDING',
])

function nextStep(code: string): string | undefined {
  if (code === 'ALREADY_BOOKED') return '不用重复预约，可以在“我的订单”里查看。'
  if (code === 'ELDER_PENDING') return '驿站工作人员上门见过老人、确认资料后就能预约；着急的话请打给驿站或拨打 12349。'
  if (NO_RETRY.has(code)) return '请换个时间或换项服务；也可以拨打 12349，请人帮您安排。'
  return undefined
}

/** Booking step 3: the price and the station before anything is booked; one tap books. */
export default function BookConfirmPage() {
  const { params } = useRouter()
  const serviceId = Number(readParam(params, 'serviceId'))
  const elderId = Number(readParam(params, 'elderId'))
  // A '+' in the offset may arrive as a space if something decoded the query twice.
  const slotStart = readParam(params, 'slotStart').replace(' ', '+')
  const valid = serviceId > 0 && elderId > 0 && slotStart.length > 0
  const loggedIn = !!getToken()
  useEffect(() => {
    ensureLoggedIn(withQuery(ROUTES.bookConfirm, { serviceId, elderId, slotStart }))
  }, [])

  // One key per visit to this screen: double taps and retries all send it, so at most one order exists.
  const [idempotencyKey] = useState(newIdempotencyKey)
  const [orderError, setOrderError] = useState<ApiError | null>(null)
  const quote = useLoad(() => createQuote({ elderId, serviceId, slotStart }), [], valid && loggedIn)
  const elderName = getMe()?.elders.find((e) => e.id === elderId)?.name ?? (readParam(params, 'elderName') || undefined)
  // The elder pays for their own visit; family booking for them reads what this visit costs.
  const payLabel = getUser()?.role === 'elder' ? '您需支付' : '本次需支付'

  const confirm = async () => {
    setOrderError(null)
    try {
      const order = await createOrder({ elderId, serviceId, slotStart }, idempotencyKey)
      if (order.station) saveHelpStation(order.station)
      if (getUser()?.role === 'family') saveLastElderId(elderId)
      Taro.redirectTo({ url: withQuery(ROUTES.orderDetail, { id: order.id, created: 1 }) })
    } catch (err) {
      setOrderError(toApiError(err))
    }
  }

  const station = quote.data ? { name: quote.data.route.stationName, phone: quote.data.route.stationPhone } : null
  const anotherTime = (
    <BigButton variant='secondary' onPress={() => back()} testId='pick-another-time'>
      换个时间
    </BigButton>
  )
  const myOrders = (
    <BigButton variant='secondary' onPress={() => goTop(ROUTES.orders)} testId='go-orders'>
      看我的订单
    </BigButton>
  )

  return (
    <Page title='确认预约' nav='none' station={station}>
      <View className='stack'>
        {!valid ? (
          <View className='notice warn'>预约信息不完整，请回到首页重新选择服务和时间。</View>
        ) : null}
        {quote.loading ? <Loading text='正在为您安排驿站和计算价格……' /> : null}
        {quote.error ? (
          <ErrorState error={quote.error} hint={nextStep(quote.error.code)} onRetry={NO_RETRY.has(quote.error.code) ? undefined : quote.reload}>
            {quote.error.code === 'ALREADY_BOOKED' ? myOrders : null}
            {anotherTime}
            <BigButton variant='secondary' onPress={() => goTop(ROUTES.home)}>
              回到首页
            </BigButton>
          </ErrorState>
        ) : null}
        {quote.data ? (
          <>
            <QuoteSummary quote={quote.data} elderName={elderName} />
            {anotherTime}
            {/* Last on the page and sticky: what is paid and the button stay on screen; an error shows beside them. */}
            <PayBar label={payLabel} payableFen={quote.data.price.payableFen}>
              {/* No separate retry: the confirm button retries with the same key. */}
              {orderError ? <ErrorState error={orderError} hint={nextStep(orderError.code)}>{orderError.code === 'ALREADY_BOOKED' ? myOrders : null}</ErrorState> : null}
              {orderError && NO_RETRY.has(orderError.code) ? null : (
                <BigButton onPress={confirm} testId='confirm-booking' loadingText='正在预约，请稍候……'>
                  {orderError ? '再试一次：确认预约' : '确认预约'}
                </BigButton>
              )}
            </PayBar>
          </>
        ) : null}
      </View>
    </Page>
  )
}
