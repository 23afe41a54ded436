import Router from '@koa/router'
import { ZAreaQuery, ZCareMapResponse, ZCoverageResponse, ZWhatIfRequest, ZWhatIfResponse } from '@carecircle/shared'
import { defineRoute } from '../http/route'
import type { AppDeps } from '../app'
import { getCoverage } from './get-coverage'
import { getCareMap } from './get-care-map'
import { tryPlacement } from './try-placement'

export function careMapRoutes(deps: AppDeps): Router {
  const r = new Router()
  defineRoute(
    r,
    { method: 'get', path: '/api/care-map/coverage', tag: 'care-map', summary: '服务圈覆盖率：在岗驿站服务圈内的老人占比（总体、按补贴类别、按年龄段），未覆盖老人按 500 米网格聚集，每个驿站覆盖人数和近 30 天订单数；可用 south/west/north/east 限定社区范围', access: ['supervisor'], query: ZAreaQuery, response: ZCoverageResponse, errors: [400, 401, 403] },
    ({ query }) => getCoverage(deps, query),
  )
  defineRoute(
    r,
    { method: 'get', path: '/api/care-map/map', tag: 'care-map', summary: '关爱地图数据：驿站与服务圈（半径或多边形），老人只按网格计数（按补贴类别、未覆盖人数），不足 2 人的格子合并到 1 公里格或不显示，从不发送住址或坐标', access: ['supervisor'], query: ZAreaQuery, response: ZCareMapResponse, errors: [400, 401, 403] },
    ({ query }) => getCareMap(deps, query),
  )
  defineRoute(
    r,
    { method: 'post', path: '/api/care-map/what-if', tag: 'care-map', summary: '假如在这里建站（驿站 15 分钟 / 综合体 2 公里）：能新覆盖多少目前圈外的老人，以及算出的最佳单点；不保存任何东西', access: ['supervisor'], body: ZWhatIfRequest, response: ZWhatIfResponse, errors: [400, 401, 403] },
    ({ body }) => tryPlacement(deps, body),
  )
  return r
}
