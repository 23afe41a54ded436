import Router from '@koa/router'
import {
  ZBookableSlotsQuery, ZBookableSlotsResponse, ZCreateOrderRequest, ZElderCoverage, ZIdParams, ZOrder, ZOrderAction, ZOrderActionBodies,
  ZOrdersQuery, ZOrdersResponse, ZQuoteRequest, ZQuoteResponse, ORDER_TRANSITIONS,
} from '@carecircle/shared'
import { defineRoute } from '../http/route'
import type { AppDeps } from '../app'
import { listBookableSlots } from '../slots/list-bookable-slots'
import { getElderCoverage } from '../slots/get-elder-coverage'
import { quoteOrder } from './quote-order'
import { placeOrder } from './create-order'
import { listOrders, getOrder } from './list-orders'
import { transitionOrder } from './transition-order'
import { KeysInFlight, parseKey, requestHash } from './idempotency'

/** Residents book for themselves or a bound parent; staff and supervisors for an elder who phoned in (代客下单). Which elder is the access rule's. */
const bookers = ['elder', 'family', 'staff', 'station_admin', 'supervisor'] as const

export function orderRoutes(deps: AppDeps): Router {
  const r = new Router()
  const keysInFlight = new KeysInFlight()
  defineRoute(
    r,
    { method: 'get', path: '/api/bookable-slots', tag: 'booking', summary: '某天的时段，每个都说明能否预约及原因（已预约的带订单号）；不在任何服务圈内时不给时段，给出最近驿站和 12349', access: bookers, query: ZBookableSlotsQuery, response: ZBookableSlotsResponse, errors: [400, 401, 403, 404] },
    ({ auth, query }) => listBookableSlots(deps, auth, query),
  )
  defineRoute(
    r,
    { method: 'get', path: '/api/elders/:id/coverage', tag: 'booking', summary: '老人家是否在某个驿站的 15 分钟服务圈内；不在时给出最近的驿站、距离和 12349', access: bookers, params: ZIdParams, response: ZElderCoverage, errors: [400, 401, 403, 404] },
    ({ auth, params }) => getElderCoverage(deps, auth, params.id),
  )
  defineRoute(
    r,
    { method: 'post', path: '/api/quotes', tag: 'booking', summary: '报价：派单到哪个驿站、为什么，以及老人应付多少', access: bookers, body: ZQuoteRequest, response: ZQuoteResponse, errors: [400, 401, 403, 404, 409, 422] },
    ({ auth, body }) => quoteOrder(deps, auth, body),
  )
  defineRoute(
    r,
    {
      method: 'post', path: '/api/orders', tag: 'booking', summary: '下单（需 Idempotency-Key，按调用人区分：同键同内容返回同一订单）；驿站人员、监管人员可为来电老人代客下单', access: bookers, body: ZCreateOrderRequest, response: ZOrder, status: 201,
      headers: { 'Idempotency-Key': { required: true, description: '每个确认页一个唯一值；重试时原样带上' } }, errors: [400, 401, 403, 404, 409, 422],
    },
    async ({ auth, body, ctx }) => {
      const key = parseKey(ctx.get('Idempotency-Key'))
      const res = await keysInFlight.run(auth.userId, key, () => placeOrder(deps, auth, body, key, requestHash('POST', '/api/orders', body)))
      ctx.status = res.status
      if (res.replayed) ctx.set('Idempotent-Replayed', 'true')
      return res.body
    },
  )
  defineRoute(
    r,
    { method: 'get', path: '/api/orders', tag: 'orders', summary: '订单列表（按 cursor 分页，不会悄悄少列）：老人/家属看自己的，驿站看本站的，监管看全部；某天或待派单按时间先后，其余最新的在前。按收费异常筛选（chargeFlag）只对监管开放，驿站为 403', access: 'user', query: ZOrdersQuery, response: ZOrdersResponse, errors: [400, 401, 403] },
    ({ auth, query }) => listOrders(deps, auth, query),
  )
  defineRoute(
    r,
    { method: 'get', path: '/api/orders/:id', tag: 'orders', summary: '订单详情与时间线', access: 'user', params: ZIdParams, response: ZOrder, errors: [400, 401, 404] },
    ({ auth, params }) => getOrder(deps, auth, params.id),
  )
  for (const action of ZOrderAction.options) {
    defineRoute(
      r,
      { method: 'post', path: `/api/orders/:id/${action}`, tag: 'orders', summary: ORDER_TRANSITIONS[action].label, access: ORDER_TRANSITIONS[action].roles, params: ZIdParams, body: ZOrderActionBodies[action], response: ZOrder, errors: [400, 401, 403, 404, 409] },
      ({ auth, params, body }) => transitionOrder(deps, auth, params.id, action, body),
    )
  }
  return r
}
