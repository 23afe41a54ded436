import http from 'node:http'
import type { AddressInfo } from 'node:net'

export const FAKE_APPID = 'wx-test'
export const FAKE_SECRET = 's'

/**
 * Codes with a special meaning to the fake; any other code succeeds with openid `openid-<code>`.
 * The bodies are WeChat's documented code2Session answers (errcode/errmsg, HTTP 200 as WeChat does).
 */
export const WECHAT_ERRORS: Record<string, { errcode: number; errmsg: string }> = {
  'invalid-code': { errcode: 40029, errmsg: 'invalid code' },
  'used-code': { errcode: 40163, errmsg: 'code been used' },
  busy: { errcode: -1, errmsg: 'system error' },
  rate: { errcode: 45011, errmsg: 'api minute-quota reach limit mustslower retry next minute' },
  risky: { errcode: 40226, errmsg: 'high risk user' },
}

/** Subscribe messages to these openids fail as WeChat documents (43101: the user did not accept this template). */
export const REFUSING_OPENID = 'openid-refuser'
export const FAKE_ACCESS_TOKEN = 'fake-access-token'

export interface FakeWechat {
  baseUrl: string
  /** Every request the fake received, as parsed URLs. */
  requests: URL[]
  /** Bodies of every subscribeMessage.send the fake accepted or refused. */
  subscribeMessages: { touser: string; template_id: string; page: string; data: Record<string, { value: string }> }[]
  close(): Promise<void>
}

function answerToken(q: URLSearchParams) {
  if (q.get('appid') !== FAKE_APPID) return { errcode: 40013, errmsg: 'invalid appid' }
  if (q.get('secret') !== FAKE_SECRET) return { errcode: 40125, errmsg: 'invalid appsecret' }
  return { access_token: FAKE_ACCESS_TOKEN, expires_in: 7200 }
}

function answerSubscribe(q: URLSearchParams, body: any) {
  if (q.get('access_token') !== FAKE_ACCESS_TOKEN) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' }
  if (!body?.touser || !body?.template_id) return { errcode: 47003, errmsg: 'argument invalid!' }
  for (const [k, v] of Object.entries<any>(body.data ?? {})) {
    if (k.startsWith('thing') && [...String(v?.value ?? '')].length > 20) return { errcode: 47003, errmsg: `argument invalid! data.${k}.value exceeds limit` }
  }
  if (body.touser === REFUSING_OPENID) return { errcode: 43101, errmsg: 'user refuse to accept the msg' }
  return { errcode: 0, errmsg: 'ok' }
}

function answer(url: URL, body?: unknown): { status: number; body: unknown } {
  if (url.pathname === '/cgi-bin/token') return { status: 200, body: answerToken(url.searchParams) }
  if (url.pathname === '/cgi-bin/message/subscribe/send') return { status: 200, body: answerSubscribe(url.searchParams, body) }
  if (url.pathname !== '/sns/jscode2session') return { status: 404, body: { errcode: 404, errmsg: 'not found' } }
  const q = url.searchParams
  if (q.get('appid') !== FAKE_APPID) return { status: 200, body: { errcode: 40013, errmsg: 'invalid appid' } }
  if (q.get('secret') !== FAKE_SECRET) return { status: 200, body: { errcode: 40125, errmsg: 'invalid appsecret' } }
  if (q.get('grant_type') !== 'authorization_code') return { status: 200, body: { errcode: 40002, errmsg: 'invalid grant_type' } }
  const code = q.get('js_code') ?? ''
  if (!code) return { status: 200, body: { errcode: 41008, errmsg: 'missing code' } }
  const error = WECHAT_ERRORS[code]
  if (error) return { status: 200, body: error }
  return { status: 200, body: { openid: `openid-${code}`, session_key: Buffer.from(`sk-${code}`).toString('base64') } }
}

/** A local stand-in for api.weixin.qq.com: code2Session, the access token and subscribeMessage.send. */
export async function startFakeWechat(): Promise<FakeWechat> {
  const requests: URL[] = []
  const subscribeMessages: FakeWechat['subscribeMessages'] = []
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake-wechat')
    requests.push(url)
    let raw = ''
    req.on('data', (c) => (raw += c))
    req.on('end', () => {
      let parsed: any
      try {
        parsed = raw ? JSON.parse(raw) : undefined
      } catch {
        parsed = undefined
      }
      if (url.pathname === '/cgi-bin/message/subscribe/send' && parsed) subscribeMessages.push(parsed)
      const { status, body } = answer(url, parsed)
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    subscribeMessages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
