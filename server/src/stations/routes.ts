import Router from '@koa/router'
import { ZIdParams, ZNearbyQuery, ZNearbyResponse, ZPriceBoard } from '@carecircle/shared'
import { defineRoute } from '../http/route'
import type { AppDeps } from '../app'
import { findNearbyStations } from './find-nearby-stations'
import { getPriceBoard } from './get-price-board'

export function stationRoutes({ config, database, stationIndex, clock }: AppDeps): Router {
  const r = new Router()
  defineRoute(
    r,
    { method: 'get', path: '/api/stations/nearby', tag: 'stations', summary: '附近的驿站：距离、预计路程时间、是否在 15 分钟服务圈内', access: 'public', query: ZNearbyQuery, response: ZNearbyResponse, errors: [400] },
    async ({ query }) => findNearbyStations(await stationIndex.get(), query, config.nearbyMaxKm),
  )
  defineRoute(
    r,
    { method: 'get', path: '/api/stations/:id/price-board', tag: 'stations', summary: '驿站明码标价公示（无需登录）', access: 'public', params: ZIdParams, response: ZPriceBoard, errors: [400, 404] },
    ({ params }) => getPriceBoard(database.db, params.id, clock()),
  )
  return r
}
