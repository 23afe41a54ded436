import Router from '@koa/router'
import { ZDevLoginRequest, ZWechatLoginRequest, ZLoginResponse, ZMeResponse, ZLogoutResponse } from '@carecircle/shared'
import type { Context } from 'koa'
import { defineRoute } from '../http/route'
import { withRetryAfter } from '../http/rate-limits'
import type { AppDeps } from '../app'
import { devLogin, wechatLogin } from './login'
import { getMe } from './get-me'
import { logout } from './logout'

export function authRoutes({ config, database, wechat, rateLimits, userStates }: AppDeps): Router {
  const r = new Router()
  const tokens = { secret: config.tokenSecret, ttlSeconds: config.tokenTtlSeconds }
  const attempt = (ctx: Context) => ({ ip: ctx.ip, limits: rateLimits })
  defineRoute(
    r,
    { method: 'post', path: '/api/auth/dev-login', tag: 'auth', summary: '演示账号登录（仅 AUTH_DEV_LOGIN=1，生产环境拒绝）', access: 'public', body: ZDevLoginRequest, response: ZLoginResponse, errors: [400, 403, 404, 429] },
    ({ body, ctx }) => withRetryAfter(ctx, () => devLogin(database.db, body.phone, { ...tokens, enabled: config.devLoginEnabled }, attempt(ctx))),
  )
  defineRoute(
    r,
    { method: 'post', path: '/api/auth/wechat', tag: 'auth', summary: '微信登录：wx.login 的 code 经 code2Session 换取令牌', access: 'public', body: ZWechatLoginRequest, response: ZLoginResponse, errors: [400, 403, 429, 503] },
    ({ body, ctx }) => withRetryAfter(ctx, () => wechatLogin(database.db, wechat, body.code, tokens, attempt(ctx))),
  )
  defineRoute(
    r,
    { method: 'post', path: '/api/auth/logout', tag: 'auth', summary: '退出登录：此账号已发出的令牌立即失效（其他服务进程在几秒内）', access: 'user', response: ZLogoutResponse, errors: [401] },
    ({ auth }) => logout(database.db, userStates, auth),
  )
  defineRoute(
    r,
    { method: 'get', path: '/api/me', tag: 'auth', summary: '当前用户及其可代为操作的老人', access: 'user', response: ZMeResponse, errors: [401] },
    ({ auth }) => getMe(database.db, auth),
  )
  return r
}
