import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { CarePlan } from '@carecircle/shared'
import CarePlansPage from './index'

const send = Taro.request as unknown as jest.Mock
const plan = (id: number, name: string): CarePlan => ({
  id, elder: { id: id + 100, name }, reason: 'live_alone', reasonLabel: '独居', note: null, mode: 'visit', everyDays: 7,
  frequencyText: '每 7 天上门走访一次', firstDueAt: '2026-11-23T09:00:00+08:00', endedAt: null,
})

beforeEach(() => {
  send.mockReset()
  Taro.setStorageSync('cc.token', 't')
  Taro.setStorageSync('cc.user', { id: 7, role: 'supervisor', name: '刘科长', phone: '13500000001' })
})

describe('巡访计划', () => {
  it('pages instead of capping: says how many there are in all, and 加载更多 brings the next page', async () => {
    send.mockResolvedValueOnce({ statusCode: 200, data: { plans: [plan(1, '陈德明'), plan(2, '李桂芳')], total: 3, nextCursor: '2' } })
    await act(async () => {
      render(<CarePlansPage />)
    })
    expect(screen.getByTestId('plans-count').textContent).toBe('正在巡访 3 位老人')
    expect(screen.getAllByTestId('care-plan')).toHaveLength(2)
    send.mockResolvedValueOnce({ statusCode: 200, data: { plans: [plan(3, '周国华')], total: 3, nextCursor: null } })
    await act(async () => {
      fireEvent.click(screen.getByTestId('load-more'))
    })
    expect(send.mock.calls[1][0].url).toBe('/api/care-round-plans?cursor=2')
    expect(screen.getAllByTestId('care-plan')).toHaveLength(3)
    expect(screen.queryByTestId('load-more')).toBeNull()
  })
})
