import Router from '@koa/router'
import { ZPriceComparison, ZPriceComparisonQuery, ZElderTier, ZHoursAdjustRequest, ZHoursQuery, ZHoursResponse, ZIdParams, ZSetTierRequest, ZWeeklyGrantRequest } from '@carecircle/shared'
import { defineRoute } from '../http/route'
import type { AppDeps } from '../app'
import { setTier } from './set-tier'
import { getHours } from './get-hours'
import { adjustHours } from './adjust-hours'
import { setWeeklyGrant } from './set-weekly-grant'
import { comparePrices } from './compare-prices'

export function eligibilityRoutes(deps: AppDeps): Router {
  const r = new Router()
  defineRoute(
    r,
    { method: 'put', path: '/api/elders/:id/tier', tag: 'subsidy', summary: '认定老人的优惠档次和类别（民政监管；需写明依据，可设到期时间）', access: ['supervisor'], params: ZIdParams, body: ZSetTierRequest, response: ZElderTier, errors: [400, 401, 403, 404, 422] },
    ({ auth, params, body }) => setTier(deps, auth, params.id, body),
  )
  defineRoute(
    r,
    { method: 'get', path: '/api/elders/:id/hours', tag: 'subsidy', summary: '我的补贴：优惠档次及原因、本周政府购买时长（按类）和每一笔流水；余额 = 流水之和', access: ['elder', 'family', 'supervisor'], params: ZIdParams, query: ZHoursQuery, response: ZHoursResponse, errors: [400, 401, 403, 404] },
    ({ auth, params, query }) => getHours(deps, auth, params.id, query.week),
  )
  defineRoute(
    r,
    { method: 'post', path: '/api/elders/:id/hours/adjustments', tag: 'subsidy', summary: '调整某周的政府购买时长（增减，需写明原因，不能少于已用）', access: ['supervisor'], params: ZIdParams, body: ZHoursAdjustRequest, response: ZHoursResponse, errors: [400, 401, 403, 404, 409] },
    ({ auth, params, body }) => adjustHours(deps, auth, params.id, body),
  )
  defineRoute(
    r,
    { method: 'put', path: '/api/elders/:id/hours/weekly-grant', tag: 'subsidy', summary: '为这位老人单独设定每周时长（null 为按辖区标准），从下一次发放起生效', access: ['supervisor'], params: ZIdParams, body: ZWeeklyGrantRequest, response: ZHoursResponse, errors: [400, 401, 403, 404] },
    ({ auth, params, body }) => setWeeklyGrant(deps, auth, params.id, body),
  )
  defineRoute(
    r,
    { method: 'get', path: '/api/elders/:id/price-comparison', tag: 'subsidy', summary: '与附近驿站比价：覆盖老人家的各驿站同一服务，按这位老人应付的价格从低到高，附评分和路程', access: ['elder', 'family', 'staff', 'station_admin', 'supervisor'], params: ZIdParams, query: ZPriceComparisonQuery, response: ZPriceComparison, errors: [400, 401, 404] },
    ({ auth, params, query }) => comparePrices(deps, auth, params.id, query.serviceId),
  )
  return r
}
