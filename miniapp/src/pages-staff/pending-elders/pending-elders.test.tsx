import { act, render, screen, fireEvent } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ElderListItem } from '@carecircle/shared'
import PendingEldersPage from './index'
import { searchTerm } from '../../lib/elder-search'

const send = Taro.request as unknown as jest.Mock

const PENDING: ElderListItem = {
  id: 301, name: '李桂芳', status: 'pending', tier: 'paid', tierVerified: false, phone: null, address: '江阳区兴隆街 12 号',
  age: 78, createdAt: '2026-11-23T10:00:00+08:00', confirmedAt: null,
}

beforeEach(() => {
  send.mockReset()
  Taro.setStorageSync('cc.token', 't')
  Taro.setStorageSync('cc.user', { id: 5, role: 'staff', name: '张师傅', phone: '13700000011' })
})

describe('待确认的老人', () => {
  it('lists pending profiles and confirms one only on the explicit tap', async () => {
    send.mockResolvedValueOnce({ statusCode: 200, data: { elders: [PENDING], nextCursor: null } })
    await act(async () => {
      render(<PendingEldersPage />)
    })
    expect(send.mock.calls[0][0].url).toBe('/api/elders?status=pending')
    expect(screen.getByTestId('elder-status').textContent).toContain('待确认')
    send.mockResolvedValueOnce({ statusCode: 200, data: { ...PENDING, status: 'active', confirmedAt: '2026-11-23T11:00:00+08:00' } })
    await act(async () => {
      fireEvent.click(screen.getByTestId('confirm-elder'))
    })
    expect(send.mock.calls[1][0]).toMatchObject({ url: '/api/elders/301/confirm', method: 'POST' })
    expect(screen.getByTestId('elder-confirmed').textContent).toContain('已确认李桂芳的资料')
    expect(screen.queryByTestId('elder-status')).toBeNull()
  })

  it('pages instead of capping: 加载更多 asks for the next page from the cursor and adds it below', async () => {
    const older = { ...PENDING, id: 250, name: '周国华' }
    send.mockResolvedValueOnce({ statusCode: 200, data: { elders: [PENDING], nextCursor: '301' } })
    await act(async () => {
      render(<PendingEldersPage />)
    })
    send.mockResolvedValueOnce({ statusCode: 200, data: { elders: [older], nextCursor: null } })
    await act(async () => {
      fireEvent.click(screen.getByTestId('load-more'))
    })
    expect(send.mock.calls[1][0].url).toBe('/api/elders?status=pending&cursor=301')
    expect(screen.getAllByTestId('confirm-elder')).toHaveLength(2)
    expect(document.body.textContent).toContain('周国华')
    expect(screen.queryByTestId('load-more')).toBeNull()
  })
})

describe('finding an elder who phoned in', () => {
  it('takes a name or the last 4 digits of the phone, and says what is wrong otherwise', () => {
    expect(searchTerm(' 王 秀英 ')).toEqual({ q: '王秀英' })
    expect(searchTerm('0001')).toEqual({ q: '0001' })
    expect(searchTerm('13800000001')).toEqual({ problem: '按手机号找，请输入后 4 位数字。' })
    expect(searchTerm('  ')).toEqual({ problem: '请输入老人的姓名，或手机号的后 4 位。' })
  })
})
