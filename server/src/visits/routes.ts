import Router from '@koa/router'
import { ZIdParams, ZVisitRecord, ZVisitsQuery, ZVisitsResponse } from '@carecircle/shared'
import { defineRoute } from '../http/route'
import type { AppDeps } from '../app'
import { listVisits } from './list-visits'
import { getVisitRecord } from './get-visit-record'

export function visitRoutes(deps: AppDeps): Router {
  const r = new Router()
  defineRoute(
    r,
    { method: 'get', path: '/api/elders/:id/visits', tag: 'visits', summary: '老人某月已完成的上门服务记录（最新在前）与合计：谁来的、几点到几点、服务多久、做了什么、收了多少', access: 'user', params: ZIdParams, query: ZVisitsQuery, response: ZVisitsResponse, errors: [400, 401, 404] },
    ({ auth, params, query }) => listVisits(deps, auth, params.id, query),
  )
  defineRoute(
    r,
    { method: 'get', path: '/api/orders/:id/visit-record', tag: 'visits', summary: '一次已完成服务的记录（服务凭证）；未完成时 409', access: 'user', params: ZIdParams, response: ZVisitRecord, errors: [400, 401, 404, 409] },
    ({ auth, params }) => getVisitRecord(deps, auth, params.id),
  )
  return r
}
