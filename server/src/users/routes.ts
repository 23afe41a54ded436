import Router from '@koa/router'
import { ZIdParams, ZUserAccess, ZUserAccessRequest } from '@carecircle/shared'
import { defineRoute } from '../http/route'
import type { AppDeps } from '../app'
import { setUserAccess } from './set-user-access'

export function userRoutes(deps: AppDeps): Router {
  const r = new Router()
  for (const [action, disabled, summary] of [['disable', true, '停用账号：它持有的令牌从下一个请求起在所有服务进程上失效'], ['enable', false, '恢复账号（需重新登录）']] as const) {
    defineRoute(
      r,
      { method: 'post', path: `/api/users/:id/${action}`, tag: 'auth', summary, access: ['supervisor', 'station_admin'], params: ZIdParams, body: ZUserAccessRequest, response: ZUserAccess, errors: [400, 401, 403, 404, 409] },
      ({ auth, params, body }) => setUserAccess(deps, auth, params.id, disabled, body),
    )
  }
  return r
}
