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

export interface SubscribeMessage {
  openid: string
  templateId: string
  /** The mini-program page the message opens. */
  page: string
  /** Template fields, e.g. { thing1: '投诉已受理' }; a `thing` field holds at most 20 characters. */
  data: Record<string, string>
}

/** A WeChat API answer with an errcode (43101: the user did not subscribe; 40001: access token invalid …). */
export class WechatError extends Error {
  constructor(readonly errcode: number, errmsg: string) {
    super(`wechat ${errcode}: ${errmsg}`)
  }
  get code() {
    return `WECHAT_${this.errcode}`
  }
}

export interface WechatClient {
  code2Session(code: string): Promise<WechatSession>
  /** subscribeMessage.send; throws WechatError on any errcode. */
  sendSubscribeMessage(msg: SubscribeMessage): Promise<void>
}

/** The small adapter in front of WeChat; its base URL is configurable so tests run it against a local fake. */
export function createWechatClient(opts: { apiBase: string; appId: string; secret: string; timeoutMs?: number }): WechatClient {
  const timeout = () => AbortSignal.timeout(opts.timeoutMs ?? 5000)
  // The access token lasts 7200 s; one per process, renewed a little early or when WeChat says it is invalid.
  let token: { value: string; expiresAtMs: number } | null = null
  async function accessToken(): Promise<string> {
    if (token && Date.now() < token.expiresAtMs) return token.value
    const url = new URL(`${opts.apiBase}/cgi-bin/token`)
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid: opts.appId, secret: opts.secret }).toString()
    const body = (await (await fetch(url, { signal: timeout() })).json()) as { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string }
    if (!body.access_token) throw new WechatError(body.errcode ?? -1, body.errmsg ?? 'no access_token')
    token = { value: body.access_token, expiresAtMs: Date.now() + Math.max(60, (body.expires_in ?? 7200) - 300) * 1000 }
    return token.value
  }
  async function send(msg: SubscribeMessage) {
    const url = new URL(`${opts.apiBase}/cgi-bin/message/subscribe/send`)
    url.search = new URLSearchParams({ access_token: await accessToken() }).toString()
    const data = Object.fromEntries(Object.entries(msg.data).map(([k, v]) => [k, { value: [...v].slice(0, 20).join('') }]))
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ touser: msg.openid, template_id: msg.templateId, page: msg.page, data, miniprogram_state: 'formal', lang: 'zh_CN' }),
      signal: timeout(),
    })
    const body = (await res.json()) as { errcode?: number; errmsg?: string }
    if (body.errcode) throw new WechatError(body.errcode, body.errmsg ?? '')
  }
  return {
    async sendSubscribeMessage(msg) {
      if (!opts.appId || !opts.secret) throw new WechatError(-1, 'not configured')
      try {
        await send(msg)
      } catch (e) {
        // 40001 / 42001: the token was revoked or expired early; fetch a new one once.
        if (!(e instanceof WechatError) || (e.errcode !== 40001 && e.errcode !== 42001)) throw e
        token = null
        await send(msg)
      }
    },
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
