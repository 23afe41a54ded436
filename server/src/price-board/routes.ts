import Router from '@koa/router'
import { ZIdParams, ZPriceDraftUpdate, ZPriceVersion, ZPriceVersionList, ZPriceVersionRequest, ZPublishDraftRequest, ZVersionParams } from '@carecircle/shared'
import { defineRoute } from '../http/route'
import type { AppDeps } from '../app'
import { listPriceVersions } from './list-price-versions'
import { createPriceVersion } from './create-price-version'
import { editPriceDraft } from './edit-price-draft'
import { publishPriceDraft } from './publish-price-draft'

export function priceBoardRoutes(deps: AppDeps): Router {
  const r = new Router()
  defineRoute(
    r,
    { method: 'get', path: '/api/stations/:id/price-versions', tag: 'price-board', summary: '驿站价格公示的历史版本：生效时间和每次改了什么（草稿只有本驿站管理员看得到）', access: 'public', params: ZIdParams, response: ZPriceVersionList, errors: [400, 404] },
    ({ auth, params }) => listPriceVersions(deps.database.db, auth, params.id, deps.clock()),
  )
  defineRoute(
    r,
    { method: 'post', path: '/api/stations/:id/price-versions', tag: 'price-board', summary: '驿站管理员新建价格版本：公示（到生效时间起执行，不可再改）或先存草稿（draft: true）；有更晚生效的已公示版本时 409 WAITING_VERSIONS，确认后带 confirmWaiting 再发', access: ['station_admin'], params: ZIdParams, body: ZPriceVersionRequest, response: ZPriceVersion, status: 201, errors: [400, 401, 403, 404, 409] },
    ({ auth, params, body }) => createPriceVersion(deps, auth, params.id, body),
  )
  defineRoute(
    r,
    { method: 'put', path: '/api/stations/:id/price-versions/:versionId', tag: 'price-board', summary: '修改价格草稿（整体替换；已公示的版本不能改）', access: ['station_admin'], params: ZVersionParams, body: ZPriceDraftUpdate, response: ZPriceVersion, errors: [400, 401, 403, 404, 409] },
    ({ auth, params, body }) => editPriceDraft(deps, auth, params.id, params.versionId, body),
  )
  defineRoute(
    r,
    { method: 'post', path: '/api/stations/:id/price-versions/:versionId/publish', tag: 'price-board', summary: '公示价格草稿，从生效时间起执行；有更晚生效的已公示版本时 409 WAITING_VERSIONS，确认后带 confirmWaiting 再发', access: ['station_admin'], params: ZVersionParams, body: ZPublishDraftRequest, response: ZPriceVersion, errors: [400, 401, 403, 404, 409] },
    ({ auth, params, body }) => publishPriceDraft(deps, auth, params.id, params.versionId, body),
  )
  return r
}
