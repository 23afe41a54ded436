import Router from '@koa/router'
import { ZHonourBoard, ZStationFiguresQuery, ZStationFiguresResponse, ZIdParams, ZInspectionDraw, ZInspectionDrawRequest, ZInspectionResultRequest, ZReinstateStationRequest, ZStationSupervision, ZSuspendStationRequest } from '@carecircle/shared'
import { defineRoute } from '../http/route'
import type { AppDeps } from '../app'
import { createInspectionDraw } from './create-inspection-draw'
import { getInspectionDraw } from './inspection-view'
import { recordInspection } from './record-inspection'
import { suspendStation } from './suspend-station'
import { reinstateStation } from './reinstate-station'
import { reportStationFigures } from './report-station-figures'
import { getHonourBoard } from './get-honour-board'

export function supervisionRoutes(deps: AppDeps): Router {
  const r = new Router()
  defineRoute(
    r,
    { method: 'post', path: '/api/inspection-draws', tag: 'supervision', summary: '双随机抽查：随机抽取 N 个驿站（记录随机种子，可复现）', access: ['supervisor'], body: ZInspectionDrawRequest, response: ZInspectionDraw, status: 201, errors: [400, 401, 403] },
    ({ auth, body }) => createInspectionDraw(deps, auth, body),
  )
  defineRoute(
    r,
    { method: 'get', path: '/api/inspection-draws/:id', tag: 'supervision', summary: '一次抽查：种子、抽中的驿站和检查结果', access: ['supervisor'], params: ZIdParams, response: ZInspectionDraw, errors: [400, 401, 403, 404] },
    ({ params }) => getInspectionDraw(deps.database.db, params.id),
  )
  defineRoute(
    r,
    { method: 'post', path: '/api/inspections/:id/result', tag: 'supervision', summary: '记录抽查结果（公示在驿站的价格公示页）', access: ['supervisor'], params: ZIdParams, body: ZInspectionResultRequest, response: ZInspectionDraw, errors: [400, 401, 403, 404, 409] },
    ({ auth, params, body }) => recordInspection(deps, auth, params.id, body),
  )
  defineRoute(
    r,
    { method: 'post', path: '/api/stations/:id/suspend', tag: 'supervision', summary: '暂停驿站接单（黑榜）：此刻起不再派新单；已有订单改派或保留', access: ['supervisor'], params: ZIdParams, body: ZSuspendStationRequest, response: ZStationSupervision, errors: [400, 401, 403, 404, 409] },
    ({ auth, params, body }) => suspendStation(deps, auth, params.id, body),
  )
  defineRoute(
    r,
    { method: 'post', path: '/api/stations/:id/reinstate', tag: 'supervision', summary: '恢复驿站接单', access: ['supervisor'], params: ZIdParams, body: ZReinstateStationRequest, response: ZStationSupervision, errors: [400, 401, 403, 404, 409] },
    ({ auth, params, body }) => reinstateStation(deps, auth, params.id, body),
  )
  defineRoute(
    r,
    { method: 'get', path: '/api/reports/stations', tag: 'supervision', summary: '驿站考评：一段时间内每 100 单投诉数、按时受理和办结的比例、多收费次数、星级', access: ['supervisor'], query: ZStationFiguresQuery, response: ZStationFiguresResponse, errors: [400, 401, 403] },
    ({ query }) => reportStationFigures(deps, query),
  )
  defineRoute(
    r,
    { method: 'get', path: '/api/honour-board', tag: 'supervision', summary: '红黑榜（公开，无需登录）：评价最好的驿站和被暂停接单的驿站及原因', access: 'public', response: ZHonourBoard },
    () => getHonourBoard(deps.database.db),
  )
  return r
}
