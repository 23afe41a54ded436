import Router from '@koa/router'
import { ZIdParams, ZOrder, ZRateOrderRequest } from '@carecircle/shared'
import { defineRoute } from '../http/route'
import type { AppDeps } from '../app'
import { rateOrder } from './rate-order'

export function ratingRoutes(deps: AppDeps): Router {
  const r = new Router()
  defineRoute(
    r,
    { method: 'post', path: '/api/orders/:id/rating', tag: 'orders', summary: '评价一次已完成的上门服务（1–5 星，7 天内可修改；首次 201，修改 200）', access: ['elder', 'family'], params: ZIdParams, body: ZRateOrderRequest, response: ZOrder, status: 201, errors: [400, 401, 403, 404, 409] },
    async ({ auth, params, body, ctx }) => {
      const res = await rateOrder(deps, auth, params.id, body)
      ctx.status = res.status
      return res.order
    },
  )
  return r
}
