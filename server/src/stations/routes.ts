import Router from '@koa/router'
import { ZIdParams, ZNearbyQuery, ZNearbyResponse, ZPriceBoard, ZPriceBoardQuery, ZStationSlotsQuery, ZStationSlotsResponse, ZCapacityRulesBody, ZCapacityRulesResponse } from '@carecircle/shared'
import { defineRoute } from '../http/route'
import type { AppDeps } from '../app'
import { findNearbyStations } from './find-nearby-stations'
import { getPriceBoard } from './get-price-board'
import { listStationSlots } from '../slots/list-station-slots'
import { getCapacityRules, setCapacityRules } from '../slots/set-capacity-rules'

export function stationRoutes(deps: AppDeps): Router {
  const { config, database, stationIndex, clock } = deps
  const r = new Router()
  defineRoute(
    r,
    { method: 'get', path: '/api/stations/nearby', tag: 'stations', summary: '附近的驿站：距离、预计路程时间、是否在 15 分钟服务圈内', access: 'public', query: ZNearbyQuery, response: ZNearbyResponse, errors: [400] },
    async ({ query }) => findNearbyStations(await stationIndex.get(), query, config.nearbyMaxKm),
  )
  defineRoute(
    r,
    { method: 'get', path: '/api/stations/:id/price-board', tag: 'stations', summary: '驿站明码标价公示（无需登录）', access: 'public', params: ZIdParams, query: ZPriceBoardQuery, response: ZPriceBoard, errors: [400, 404] },
    ({ params, query }) => getPriceBoard(database.db, params.id, clock(), { history: query.history === '1' }),
  )
  defineRoute(
    r,
    { method: 'get', path: '/api/stations/:id/slots', tag: 'stations', summary: '驿站某天某项服务的时段：容量、已约、剩余', access: 'public', params: ZIdParams, query: ZStationSlotsQuery, response: ZStationSlotsResponse, errors: [400, 404] },
    ({ params, query }) => listStationSlots(deps, params.id, query),
  )
  defineRoute(
    r,
    { method: 'get', path: '/api/stations/:id/capacity-rules', tag: 'stations', summary: '驿站的服务时间和每个时段的接单数量', access: ['staff', 'station_admin', 'supervisor'], params: ZIdParams, response: ZCapacityRulesResponse, errors: [401, 403, 404] },
    ({ auth, params }) => getCapacityRules(deps, auth, params.id),
  )
  defineRoute(
    r,
    { method: 'put', path: '/api/stations/:id/capacity-rules', tag: 'stations', summary: '驿站管理员设置服务时间和接单数量（整体替换）', access: ['station_admin'], params: ZIdParams, body: ZCapacityRulesBody, response: ZCapacityRulesResponse, errors: [400, 401, 403, 404] },
    ({ auth, params, body }) => setCapacityRules(deps, auth, params.id, body.rules),
  )
  return r
}
