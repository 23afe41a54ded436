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

export interface FakeWechat {
  baseUrl: string
  /** Every request the fake received, as parsed URLs. */
  requests: URL[]
  close(): Promise<void>
}

function answer(url: URL): { status: number; body: unknown } {
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

/** A local stand-in for api.weixin.qq.com's /sns/jscode2session. */
export async function startFakeWechat(): Promise<FakeWechat> {
  const requests: URL[] = []
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake-wechat')
    requests.push(url)
    const { status, body } = answer(url)
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
