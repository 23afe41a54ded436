import { AppError } from '../errors'

/** WeChat's documented code2Session answers: success has openid; failure has errcode/errmsg. */
interface Code2SessionBody {
  openid?: string
  session_key?: string
  unionid?: string
  errcode?: number
  errmsg?: string
}

export interface WechatSession {
  openid: string
  unionid?: string
}

export interface WechatClient {
  code2Session(code: string): Promise<WechatSession>
}

/** The small adapter in front of WeChat; its base URL is configurable so tests run it against a local fake. */
export function createWechatClient(opts: { apiBase: string; appId: string; secret: string; timeoutMs?: number }): WechatClient {
  return {
    async code2Session(code) {
      if (!opts.appId || !opts.secret) throw new AppError(503, 'WECHAT_NOT_CONFIGURED', '微信登录尚未开通，请使用手机号登录或稍后再试')
      const url = new URL(`${opts.apiBase}/sns/jscode2session`)
      url.search = new URLSearchParams({ appid: opts.appId, secret: opts.secret, js_code: code, grant_type: 'authorization_code' }).toString()
      let body: Code2SessionBody
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(opts.timeoutMs ?? 5000) })
        body = (await res.json()) as Code2SessionBody
      } catch {
        throw new AppError(503, 'WECHAT_UNAVAILABLE', '暂时连不上微信，请稍后再试')
      }
      if (!body.errcode && body.openid) return { openid: body.openid, unionid: body.unionid }
      switch (body.errcode) {
        case 40029: // invalid code
        case 40163: // code been used
          throw new AppError(400, 'WECHAT_CODE_INVALID', '微信登录凭证已失效，请重新打开小程序再试')
        case 45011: // api minute-quota reach limit
          throw new AppError(429, 'WECHAT_UNAVAILABLE', '登录的人太多了，请一分钟后再试')
        case 40226: // high risk user
          throw new AppError(403, 'FORBIDDEN', '微信提示该账号存在风险，暂时无法登录，请联系驿站或拨打 12349')
        default: // -1 system busy, 40013 invalid appid, …
          throw new AppError(503, 'WECHAT_UNAVAILABLE', '微信登录暂时不可用，请稍后再试')
      }
    },
  }
}
