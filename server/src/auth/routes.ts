import Router from '@koa/router'
import { ZDevLoginRequest, ZWechatLoginRequest, ZLoginResponse, ZMeResponse } from '@carecircle/shared'
import { defineRoute } from '../http/route'
import type { AppDeps } from '../app'
import { devLogin, wechatLogin } from './login'
import { getMe } from './get-me'

export function authRoutes({ config, database, wechat }: AppDeps): Router {
  const r = new Router()
  const tokens = { secret: config.tokenSecret, ttlSeconds: config.tokenTtlSeconds }
  defineRoute(
    r,
    { method: 'post', path: '/api/auth/dev-login', tag: 'auth', summary: '演示账号登录（仅 AUTH_DEV_LOGIN=1，生产环境拒绝）', access: 'public', body: ZDevLoginRequest, response: ZLoginResponse, errors: [400, 403, 404] },
    ({ body }) => devLogin(database.db, body.phone, { ...tokens, enabled: config.devLoginEnabled }),
  )
  defineRoute(
    r,
    { method: 'post', path: '/api/auth/wechat', tag: 'auth', summary: '微信登录：wx.login 的 code 经 code2Session 换取令牌', access: 'public', body: ZWechatLoginRequest, response: ZLoginResponse, errors: [400, 403, 429, 503] },
    ({ body }) => wechatLogin(database.db, wechat, body.code, tokens),
  )
  defineRoute(
    r,
    { method: 'get', path: '/api/me', tag: 'auth', summary: '当前用户及其可代为操作的老人', access: 'user', response: ZMeResponse, errors: [401] },
    ({ auth }) => getMe(database.db, auth),
  )
  return r
}
