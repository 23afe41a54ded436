import { getToken } from '../auth/session'
import { ROUTES, go, withQuery, loginUrl } from './nav'
import Taro from '@tarojs/taro'

/** First tap of a booking: the time page for this service, via login when needed. */
export function startBooking(serviceId: number): void {
  const url = withQuery(ROUTES.bookTime, { serviceId })
  if (getToken()) go(url)
  else Taro.navigateTo({ url: loginUrl(url, '预约服务前请先登录，登录后会回到这一步。') })
}
