import Router from '@koa/router'
import {
  ZBindRequest, ZBinding, ZBindingsQuery, ZBindingsResponse, ZCreateElderProfileRequest, ZCreateInvitationRequest, ZElderSummary, ZIdParams, ZInvitation, ZLiveInvitationQuery, ZLiveInvitationResponse, ZRevokeBindingResponse,
} from '@carecircle/shared'
import { defineRoute } from '../http/route'
import { withRetryAfter } from '../http/rate-limits'
import type { AppDeps } from '../app'
import { createInvitation } from './create-invitation'
import { getLiveInvitation } from './get-live-invitation'
import { redeemInvitation } from './redeem-invitation'
import { listBindings } from './list-bindings'
import { revokeBinding } from './revoke-binding'
import { createElderProfile } from './create-elder-profile'

export function familyRoutes(deps: AppDeps): Router {
  const r = new Router()
  defineRoute(
    r,
    {
      method: 'post', path: '/api/family/invitations', tag: 'family', summary: '换一个新邀请码（只在老人要求时）：6 位数字（全区猜码失败多时为 8 位），24 小时内有效、只能用一次；旧的邀请码随即作废；每位老人每天有次数限制；驿站工作人员或民政人员上门协助时代老人生成', access: ['elder', 'staff', 'station_admin', 'supervisor'],
      body: ZCreateInvitationRequest, response: ZInvitation, status: 201, errors: [400, 401, 403, 404, 429],
    },
    ({ auth, body, ctx }) => withRetryAfter(ctx, () => createInvitation(deps, auth, body)),
  )
  defineRoute(
    r,
    {
      method: 'get', path: '/api/family/invitations/live', tag: 'family', summary: '老人现在还能用的邀请码（没用过、没过期），没有时 invitation 为 null；老人本人，或上门协助的工作人员、民政人员指定 elderId', access: ['elder', 'staff', 'station_admin', 'supervisor'],
      query: ZLiveInvitationQuery, response: ZLiveInvitationResponse, errors: [400, 401, 403, 404],
    },
    ({ auth, query }) => getLiveInvitation(deps, auth, query),
  )
  defineRoute(
    r,
    {
      method: 'post', path: '/api/family/bindings', tag: 'family', summary: '家属用老人的邀请码绑定老人（老人同意）；邀请码不对、过期或已用过都是同一个答复；输错的次数按账号和 IP 地址限制（输对不计）', access: ['family'],
      body: ZBindRequest, response: ZBinding, status: 201, errors: [400, 401, 403, 409, 429],
    },
    ({ auth, body, ctx }) => withRetryAfter(ctx, () => redeemInvitation(deps, auth, body, ctx.ip)),
  )
  defineRoute(
    r,
    { method: 'get', path: '/api/family/bindings', tag: 'family', summary: '绑定关系：家属看自己绑定的老人（含下一次上门），老人看谁可以帮自己预约；工作人员和民政人员指定 elderId', access: 'user', query: ZBindingsQuery, response: ZBindingsResponse, errors: [400, 401, 404] },
    ({ auth, query }) => listBindings(deps, auth, query),
  )
  defineRoute(
    r,
    { method: 'delete', path: '/api/family/bindings/:id', tag: 'family', summary: '解除绑定（老人、家属本人或民政人员），下一次请求起生效', access: 'user', params: ZIdParams, response: ZRevokeBindingResponse, errors: [400, 401, 404] },
    ({ auth, params }) => revokeBinding(deps, auth, params.id),
  )
  defineRoute(
    r,
    {
      method: 'post', path: '/api/family/elders', tag: 'family', summary: '家属为没有微信的老人建档（待驿站工作人员上门确认后才能预约）；每个账号每天有个数限制（429，说明明天再试）', access: ['family'],
      body: ZCreateElderProfileRequest, response: ZElderSummary, status: 201, errors: [400, 401, 403, 429],
    },
    ({ auth, body, ctx }) => withRetryAfter(ctx, () => createElderProfile(deps, auth, body)),
  )
  return r
}
