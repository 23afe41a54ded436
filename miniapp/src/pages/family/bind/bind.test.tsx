import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro, { useRouter } from '@tarojs/taro'
import type { Binding } from '@carecircle/shared'
import BindPage from './index'
import { bindProblem } from './bind-form'
import { getLastElderId } from '../../../lib/booking-elder'

const send = Taro.request as unknown as jest.Mock
const router = useRouter as unknown as jest.Mock

const BINDING: Binding = {
  id: 4, elder: { id: 1, name: '王秀英', status: 'active' }, family: { userId: 9, name: '赵强', phone: '139****0002' },
  relation: '子女', consentedAt: '2026-11-23T10:00:00+08:00', via: 'invitation', nextVisit: null,
}

beforeEach(() => {
  send.mockReset()
  Taro.setStorageSync('cc.token', 't')
})
afterEach(() => router.mockImplementation(() => ({ params: {} })))

describe('bind with a code', () => {
  it('says what is missing in words before anything is sent', () => {
    expect(bindProblem('', '子女')).toBe('请输入老人给您的邀请码（6 位数字，有时是 8 位）。')
    expect(bindProblem('1234', '子女')).toBe('邀请码是 6 位或 8 位数字，现在是 4 位，请核对。')
    expect(bindProblem('1234 5678', '子女')).toBeNull()
    expect(bindProblem('1234567', '子女')).toBe('邀请码是 6 位或 8 位数字，现在是 7 位，请核对。')
    expect(bindProblem('123456', null)).toBe('请选择您和老人的关系。')
    expect(bindProblem('123 456', '配偶')).toBeNull()
  })

  it('opened from the QR, the code is filled in; one relation and one tap bind, and the parent becomes the one to book for', async () => {
    router.mockImplementation(() => ({ params: { code: '123456' } }))
    render(<BindPage />)
    expect(screen.getByTestId('bind-code').getAttribute('value')).toBe('123456')
    await act(async () => {
      fireEvent.click(screen.getByTestId('bind-submit'))
    })
    expect(screen.getByTestId('bind-missing').textContent).toBe('请选择您和老人的关系。')
    expect(send).not.toHaveBeenCalled()

    send.mockResolvedValueOnce({ statusCode: 201, data: BINDING })
    fireEvent.click(screen.getAllByTestId('relation').find((c) => c.getAttribute('data-value') === '子女')!)
    await act(async () => {
      fireEvent.click(screen.getByTestId('bind-submit'))
    })
    expect(send.mock.calls[0][0]).toMatchObject({ url: '/api/family/bindings', method: 'POST', data: { code: '123456', relation: '子女' } })
    expect(screen.getByTestId('bind-success').textContent).toContain('已和王秀英绑定')
    expect(getLastElderId()).toBe(1)
  })

  it('a wrong or used code gets the server words and what to do next', async () => {
    router.mockImplementation(() => ({ params: { code: '000000' } }))
    render(<BindPage />)
    fireEvent.click(screen.getAllByTestId('relation')[0])
    send.mockResolvedValueOnce({ statusCode: 400, data: { error: { code: 'INVITATION_INVALID', message: '邀请码不对或已经失效' } } })
    await act(async () => {
      fireEvent.click(screen.getByTestId('bind-submit'))
    })
    const err = screen.getByTestId('error-state').textContent
    expect(err).toContain('邀请码不对或已经失效')
    expect(err).toContain('重新生成')
  })
})
