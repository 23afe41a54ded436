import Taro from '@tarojs/taro'
import { ZServicesResponse } from '@carecircle/shared'
import { request } from './http'
import { ApiError, MESSAGES } from './errors'
import { createOrder } from './index'
import { getToken } from '../auth/session'

const send = Taro.request as unknown as jest.Mock

function answer(statusCode: number, data: unknown) {
  send.mockResolvedValueOnce({ statusCode, data, header: {} })
}

async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError)
    return err as ApiError
  }
  throw new Error('expected the request to fail')
}

const services = () => request(ZServicesResponse, 'GET', '/api/services')

beforeEach(() => {
  send.mockReset()
  Taro.clearStorageSync()
})

describe('request error mapping', () => {
  it('no network: tells the person to check the network', async () => {
    send.mockRejectedValueOnce({ errMsg: 'request:fail timeout' })
    const err = await failure(services())
    expect(err.code).toBe('NETWORK')
    expect(err.message).toBe('网络连接不上，请检查网络后再试')
  })

  it('5xx: never shows the server text, offers 12349', async () => {
    answer(500, { error: { code: 'INTERNAL', message: 'TypeError at line 3' } })
    const err = await failure(services())
    expect(err.code).toBe('SERVER')
    expect(err.message).toBe(MESSAGES.SERVER)
    expect(err.message).toContain('12349')
  })

  it('503 from a proxy with an HTML body is still a plain server message', async () => {
    answer(503, '<html>Bad gateway</html>')
    expect((await failure(services())).message).toBe('服务暂时出了问题，请稍后再试，或拨打 12349')
  })

  it("4xx: passes on the server's code and Chinese message", async () => {
    answer(409, { error: { code: 'SLOT_FULL', message: '这个时间已经约满了，请换一个时间。' } })
    const err = await failure(services())
    expect(err.code).toBe('SLOT_FULL')
    expect(err.message).toBe('这个时间已经约满了，请换一个时间。')
    expect(err.status).toBe(409)
  })

  it('4xx without the error shape still says what to do', async () => {
    answer(404, 'Not Found')
    const err = await failure(services())
    expect(err.code).toBe('HTTP')
    expect(err.message).toContain('请返回上一页再试一次')
  })

  it('401 clears the stored login so pages send the person to log in', async () => {
    Taro.setStorageSync('cc.token', 'old-token')
    answer(401, { error: { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' } })
    const err = await failure(services())
    expect(err.needsLogin).toBe(true)
    expect(getToken()).toBeNull()
  })

  it('a 2xx answer that does not match the shared schema is treated as our fault', async () => {
    answer(200, { services: [{ id: 'x' }] })
    expect((await failure(services())).code).toBe('BAD_RESPONSE')
  })
})

describe('request', () => {
  it('parses a good answer with the shared schema', async () => {
    answer(200, { services: [] })
    await expect(services()).resolves.toEqual({ services: [] })
  })

  it('sends the stored token and query parameters', async () => {
    Taro.setStorageSync('cc.token', 'tok-1')
    answer(200, { services: [] })
    await request(ZServicesResponse, 'GET', '/api/services', undefined, { query: { date: '2026-11-23', skip: undefined } })
    const call = send.mock.calls[0][0]
    expect(call.url).toBe('/api/services?date=2026-11-23')
    expect(call.header.Authorization).toBe('Bearer tok-1')
  })

  it('createOrder sends the Idempotency-Key it is given', async () => {
    answer(500, {})
    await failure(createOrder({ elderId: 1, serviceId: 2, slotStart: '2026-11-24T09:00:00+08:00' }, 'key-123'))
    const call = send.mock.calls[0][0]
    expect(call.method).toBe('POST')
    expect(call.header['Idempotency-Key']).toBe('key-123')
    expect(call.data).toEqual({ elderId: 1, serviceId: 2, slotStart: '2026-11-24T09:00:00+08:00' })
  })
})
