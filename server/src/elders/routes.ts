import Router from '@koa/router'
import { ZElderSearchQuery, ZElderSearchResponse, ZElderSummary, ZIdParams } from '@carecircle/shared'
import { defineRoute } from '../http/route'
import type { AppDeps } from '../app'
import { confirmElder } from './confirm-elder'
import { searchElders } from './search-elders'

const helpers = ['staff', 'station_admin', 'supervisor'] as const

export function elderRoutes(deps: AppDeps): Router {
  const r = new Router()
  defineRoute(
    r,
    { method: 'get', path: '/api/elders', tag: 'elders', summary: '找老人：按姓名（部分）或手机号后 4 位，或 status=pending 列出待上门确认的资料；工作人员只能找到本驿站服务圈内的老人；手机号遮蔽；最新在前，按 cursor 翻页（每页 limit 条，默认 50）', access: helpers, query: ZElderSearchQuery, response: ZElderSearchResponse, errors: [400, 401, 403] },
    ({ auth, query }) => searchElders(deps, auth, query),
  )
  defineRoute(
    r,
    { method: 'post', path: '/api/elders/:id/confirm', tag: 'elders', summary: '上门确认家属建的老人资料（本驿站服务圈内的工作人员或民政人员），确认后才能预约', access: helpers, params: ZIdParams, response: ZElderSummary, errors: [400, 401, 403, 404, 409] },
    ({ auth, params }) => confirmElder(deps, auth, params.id),
  )
  return r
}
