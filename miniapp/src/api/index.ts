import {
  ZLoginResponse, ZServicesResponse, ZNearbyResponse, ZPriceBoard, ZBookableSlotsResponse,
  ZQuoteResponse, ZOrder, ZOrdersResponse, ZMeResponse, ZLogoutResponse, ZElderCoverage,
  type QuoteRequest, type CreateOrderRequest, type OrderAction, type OrderActionBody, type OrderStatus,
} from '@carecircle/shared'
import { request } from './http'

export { ApiError, toApiError, MESSAGES } from './errors'
export { request } from './http'

export const devLogin = (phone: string) => request(ZLoginResponse, 'POST', '/api/auth/dev-login', { phone })
export const wechatLogin = (code: string) => request(ZLoginResponse, 'POST', '/api/auth/wechat', { code })
export const fetchMe = () => request(ZMeResponse, 'GET', '/api/me')
export const logout = () => request(ZLogoutResponse, 'POST', '/api/auth/logout')

export const fetchServices = () => request(ZServicesResponse, 'GET', '/api/services')
export const fetchNearbyStations = (lat: number, lng: number, limit?: number) =>
  request(ZNearbyResponse, 'GET', '/api/stations/nearby', undefined, { query: { lat, lng, limit } })
export const fetchPriceBoard = (stationId: number | string) =>
  request(ZPriceBoard, 'GET', `/api/stations/${encodeURIComponent(String(stationId))}/price-board`)

export const fetchBookableSlots = (elderId: number, serviceId: number, date: string) =>
  request(ZBookableSlotsResponse, 'GET', '/api/bookable-slots', undefined, { query: { elderId, serviceId, date } })
/** Whether any station's 15-minute circle covers this elder's home (if not: the nearest station, how far, 12349). */
export const fetchElderCoverage = (elderId: number) => request(ZElderCoverage, 'GET', `/api/elders/${elderId}/coverage`)
export const createQuote = (body: QuoteRequest) => request(ZQuoteResponse, 'POST', '/api/quotes', body)

/** The same key for every retry of one confirmation, so the server never books twice. */
export const createOrder = (body: CreateOrderRequest, idempotencyKey: string) =>
  request(ZOrder, 'POST', '/api/orders', body, { headers: { 'Idempotency-Key': idempotencyKey } })

/** One page of orders; follow nextCursor (pass it as cursor) until it is null. */
export const fetchOrders = (query: { date?: string; status?: OrderStatus; cursor?: string; limit?: number } = {}) =>
  request(ZOrdersResponse, 'GET', '/api/orders', undefined, { query })
export const fetchOrder = (id: number | string) =>
  request(ZOrder, 'GET', `/api/orders/${encodeURIComponent(String(id))}`)
export const orderAction = (id: number, action: OrderAction, body: OrderActionBody = {}) =>
  request(ZOrder, 'POST', `/api/orders/${id}/${action}`, body)

export * from './care'
export * from './complaints'
export * from './supervision'
export * from './family'
export * from './subsidy'
export { downloadSubsidyCsv, subsidyCsvName } from './download'
