import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro, { useRouter } from '@tarojs/taro'
import type { Invitation } from '@carecircle/shared'
import InvitePage from './index'

const send = Taro.request as unknown as jest.Mock
const router = useRouter as unknown as jest.Mock

const ELDER = { id: 1, name: '王秀英' }
const inv = (code: string): Invitation => ({ code, expiresAt: '2099-11-24T10:00:00+08:00', qrPayload: `pages/family/bind/index?code=${code}`, elder: ELDER })
const shown = () => screen.getByTestId('invite-code').getAttribute('data-value')
const calls = () => send.mock.calls.map(([r]) => `${r.method} ${r.url}`)
const tap = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId))
  })
}
async function open(live: Invitation | null) {
  send.mockResolvedValueOnce({ statusCode: 200, data: { invitation: live, elder: ELDER } })
  await act(async () => {
    render(<InvitePage />)
  })
}

beforeEach(() => {
  send.mockReset()
  Taro.setStorageSync('cc.token', 't')
})
afterEach(() => router.mockImplementation(() => ({ params: {} })))

describe('邀请家人', () => {
  it('opening shows the live code the elder already read out, and makes none', async () => {
    await open(inv('123456'))
    expect(shown()).toBe('123456')
    expect(calls()).toEqual(['GET /api/family/invitations/live'])
    expect(screen.getByTestId('new-code').textContent).toBe('换一个新邀请码')
  })

  it('a new code replaces the live one only after the question in words and 确定换新的; 不换了 keeps it', async () => {
    await open(inv('123456'))
    await tap('new-code')
    expect(screen.getByTestId('new-code-step').textContent).toContain('上面这个邀请码就不能用了')
    await tap('new-code-back')
    expect(calls()).toHaveLength(1)
    await tap('new-code')
    send.mockResolvedValueOnce({ statusCode: 201, data: inv('12345678') })
    await tap('new-code-confirm')
    expect(calls()[1]).toBe('POST /api/family/invitations')
    expect(shown()).toBe('12345678')
    expect(document.body.textContent).toContain('把这 8 个数字告诉家人')
    expect(screen.queryByTestId('new-code-step')).toBeNull()
  })

  it('with no live code it says so and makes one on the tap', async () => {
    await open(null)
    expect(screen.getByTestId('no-live-code').textContent).toContain('用过的和过期的都不能再用')
    expect(screen.queryByTestId('invite-code')).toBeNull()
    send.mockResolvedValueOnce({ statusCode: 201, data: inv('654321') })
    await tap('new-code')
    expect(shown()).toBe('654321')
  })

  it('staff helping in person name the elder; a refusal is said in the server’s plain words', async () => {
    router.mockImplementation(() => ({ params: { elderId: '1' } }))
    await open(null)
    expect(calls()).toEqual(['GET /api/family/invitations/live?elderId=1'])
    send.mockResolvedValueOnce({ statusCode: 429, data: { error: { code: 'RATE_LIMITED', message: '今天已经生成了 10 个邀请码，请明天再试' } } })
    await tap('new-code')
    expect(screen.getByTestId('error-state').textContent).toContain('今天已经生成了 10 个邀请码，请明天再试')
    expect(screen.getByTestId('error-state').textContent).not.toMatch(/秒/)
  })
})
