import Router from '@koa/router'
import { ZServicesResponse } from '@carecircle/shared'
import { defineRoute } from '../http/route'
import type { AppDeps } from '../app'
import { listServices } from './list-services'

export function catalogRoutes({ database }: AppDeps): Router {
  const r = new Router()
  defineRoute(
    r,
    { method: 'get', path: '/api/services', tag: 'catalog', summary: '服务菜单', access: 'public', response: ZServicesResponse },
    () => listServices(database.db),
  )
  return r
}
