import Router from '@koa/router'
import { z } from 'zod'
import {
  ZCarePlan, ZCarePlanEnd, ZCarePlanRequest, ZCarePlansQuery, ZCarePlansResponse, ZCarePlanUpdate, ZCareRound, ZCareRoundsQuery, ZCareRoundsResponse, ZElderRoundsQuery,
  ZElderRoundsResponse, ZIdParams, ZRoundCoverageQuery, ZRoundCoverageResponse, ZRoundOutcomeRequest,
} from '@carecircle/shared'
import { defineRoute } from '../http/route'
import type { AppDeps } from '../app'
import { createCarePlan } from './create-plan'
import { updateCarePlan } from './update-plan'
import { endCarePlan } from './end-plan'
import { listCarePlans } from './list-plans'
import { listMissedRounds, listRounds } from './list-rounds'
import { recordRound } from './record-round'
import { listElderRounds } from './elder-rounds'
import { reportRoundCoverage } from './report-round-coverage'

const supervisor = ['supervisor'] as const
const workers = ['staff', 'station_admin', 'supervisor'] as const

export function careRoundRoutes(deps: AppDeps): Router {
  const r = new Router()
  defineRoute(
    r,
    { method: 'post', path: '/api/care-round-plans', tag: 'care-rounds', summary: '安排关爱巡访：为独居、空巢、失能、高龄老人设定上门走访或电话问候的频率（每位老人同时只有一个计划）', access: supervisor, body: ZCarePlanRequest, response: ZCarePlan, status: 201, errors: [400, 401, 403, 404, 409] },
    ({ auth, body }) => createCarePlan(deps, auth, body),
  )
  defineRoute(
    r,
    { method: 'get', path: '/api/care-round-plans', tag: 'care-rounds', summary: '正在执行的巡访计划（先建的在前，按 cursor 翻页，每页 limit 条，默认 100；total 是总数）', access: supervisor, query: ZCarePlansQuery, response: ZCarePlansResponse, errors: [400, 401, 403] },
    ({ query }) => listCarePlans(deps, query),
  )
  defineRoute(
    r,
    { method: 'put', path: '/api/care-round-plans/:id', tag: 'care-rounds', summary: '修改巡访计划（原因、说明、方式、频率）；已生成的巡访不变，下一次按新频率', access: supervisor, params: ZIdParams, body: ZCarePlanUpdate, response: ZCarePlan, errors: [400, 401, 403, 404, 409] },
    ({ auth, params, body }) => updateCarePlan(deps, auth, params.id, body),
  )
  defineRoute(
    r,
    { method: 'post', path: '/api/care-round-plans/:id/end', tag: 'care-rounds', summary: '结束巡访计划：不再生成巡访，未办的巡访取消', access: supervisor, params: ZIdParams, body: ZCarePlanEnd, response: ZCarePlan, errors: [400, 401, 403, 404, 409] },
    ({ auth, params, body }) => endCarePlan(deps, auth, params.id, body.reason),
  )
  defineRoute(
    r,
    { method: 'get', path: '/api/care-rounds', tag: 'care-rounds', summary: '巡访任务：工作人员看本驿站的，民政人员看不在任何服务圈内、需要自己安排的；未办的按应办时间先后，已办的最新在前', access: workers, query: ZCareRoundsQuery, response: ZCareRoundsResponse, errors: [400, 401, 403] },
    ({ auth, query }) => listRounds(deps, auth, query),
  )
  defineRoute(
    r,
    { method: 'get', path: '/api/care-rounds/missed', tag: 'care-rounds', summary: '督办：超过应办时间 1 天仍未办的巡访（所有驿站），最早的在前', access: supervisor, query: z.object({ cursor: z.string().max(200).optional() }), response: ZCareRoundsResponse, errors: [400, 401, 403] },
    ({ auth, query }) => listMissedRounds(deps, auth, query),
  )
  defineRoute(
    r,
    { method: 'post', path: '/api/care-rounds/:id/outcome', tag: 'care-rounds', summary: '记录一次巡访：看过了一切都好 / 上门时不在家 / 需要帮助（须写明，立即通知绑定的家属和民政人员）/ 电话问候过', access: workers, params: ZIdParams, body: ZRoundOutcomeRequest, response: ZCareRound, errors: [400, 401, 403, 404, 409] },
    ({ auth, params, body }) => recordRound(deps, auth, params.id, body),
  )
  defineRoute(
    r,
    { method: 'get', path: '/api/care-rounds/coverage', tag: 'care-rounds', summary: '巡访覆盖率：本月（或指定月份）按时巡访到的老人占比（目标 100%），按驿站和全区，以及没有按时巡访到的老人和原因', access: supervisor, query: ZRoundCoverageQuery, response: ZRoundCoverageResponse, errors: [400, 401, 403] },
    ({ query }) => reportRoundCoverage(deps, query),
  )
  defineRoute(
    r,
    { method: 'get', path: '/api/elders/:id/rounds', tag: 'care-rounds', summary: '老人的关爱巡访记录：巡访计划和某月的每次巡访及结果（老人本人、绑定的家属、服务圈内的驿站、民政人员）', access: 'user', params: ZIdParams, query: ZElderRoundsQuery, response: ZElderRoundsResponse, errors: [400, 401, 404] },
    ({ auth, params, query }) => listElderRounds(deps, auth, params.id, query),
  )
  return r
}
