import Router from '@koa/router'
import { ZIdParams, ZInspectionDraw, ZInspectionDrawRequest, ZInspectionResultRequest, ZReinstateStationRequest, ZStationSupervision, ZSuspendStationRequest } from '@carecircle/shared'
import { defineRoute } from '../http/route'
import type { AppDeps } from '../app'
import { createInspectionDraw } from './create-inspection-draw'
import { getInspectionDraw } from './inspection-view'
import { recordInspection } from './record-inspection'
import { suspendStation } from './suspend-station'
import { reinstateStation } from './reinstate-station'

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
  return r
}
