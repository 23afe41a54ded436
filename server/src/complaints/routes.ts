import Router from '@koa/router'
import {
  COMPLAINT_ACTIONS, COMPLAINT_STEPS, ZComplaint, ZComplaintsQuery, ZComplaintsResponse, ZComplaintStepBody, ZCreateComplaintRequest, ZIdParams,
  type ComplaintAction, type Role,
} from '@carecircle/shared'
import { defineRoute } from '../http/route'
import type { AppDeps } from '../app'
import { fileComplaint } from './file-complaint'
import { getComplaint } from './get-complaint'
import { listComplaints } from './list-complaints'
import { stepComplaint } from './step-complaint'

/** The roles that may take a step: the parties the declared table lets act, as roles. */
const ROLES_OF_PARTY = { complainant: ['elder', 'family'], station: ['staff', 'station_admin'], supervisor: ['supervisor'], system: [] } as const
function rolesFor(action: ComplaintAction): Role[] {
  return Object.keys(COMPLAINT_STEPS[action]).flatMap((p) => [...ROLES_OF_PARTY[p as keyof typeof ROLES_OF_PARTY]])
}

const STEP_SUMMARY: Record<ComplaintAction, string> = {
  respond: '驿站受理投诉（1 天内）',
  resolve: '驿站答复办结（7 天内，可含退款），或民政部门作出督办决定',
  escalate: '民政部门督办',
  reopen: '投诉人不满意，重新投诉（办结后 7 天内，一次）',
  confirm: '投诉人满意，确认办结',
}

export function complaintRoutes(deps: AppDeps): Router {
  const r = new Router()
  defineRoute(
    r,
    { method: 'post', path: '/api/complaints', tag: 'complaints', summary: '投诉：关于一单服务或一个驿站（老人或已绑定的家属）', access: ['elder', 'family'], body: ZCreateComplaintRequest, response: ZComplaint, status: 201, errors: [400, 401, 403, 404, 409, 422] },
    ({ auth, body }) => fileComplaint(deps, auth, body),
  )
  defineRoute(
    r,
    { method: 'get', path: '/api/complaints', tag: 'complaints', summary: '投诉列表（最新在前，按 cursor 翻页）：投诉人看自己的，驿站看本站的，监管看全部并可筛选', access: 'user', query: ZComplaintsQuery, response: ZComplaintsResponse, errors: [400, 401] },
    ({ auth, query }) => listComplaints(deps, auth, query),
  )
  defineRoute(
    r,
    { method: 'get', path: '/api/complaints/:id', tag: 'complaints', summary: '投诉详情与处理经过', access: 'user', params: ZIdParams, response: ZComplaint, errors: [400, 401, 404] },
    ({ auth, params }) => getComplaint(deps, auth, params.id),
  )
  for (const action of COMPLAINT_ACTIONS) {
    defineRoute(
      r,
      { method: 'post', path: `/api/complaints/:id/${action}`, tag: 'complaints', summary: STEP_SUMMARY[action], access: rolesFor(action), params: ZIdParams, body: ZComplaintStepBody, response: ZComplaint, errors: [400, 401, 403, 404, 409] },
      ({ auth, params, body }) => stepComplaint(deps, auth, params.id, action, body),
    )
  }
  return r
}
