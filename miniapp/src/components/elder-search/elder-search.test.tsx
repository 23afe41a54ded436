import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ElderListItem } from '@carecircle/shared'
import { ElderSearch } from './index'

const send = Taro.request as unknown as jest.Mock
const elder = (id: number): ElderListItem => ({
  id, name: `王秀${id}`, status: 'active', tier: 'paid', tierVerified: false, phone: null, address: '江阳区兴隆街 12 号', age: 80, createdAt: '2026-11-23T10:00:00+08:00', confirmedAt: null,
})

beforeEach(() => {
  send.mockReset()
  Taro.setStorageSync('cc.token', 't')
})

describe('找老人', () => {
  it('says so when more elders match than the page shows, instead of dropping them silently', async () => {
    render(<ElderSearch actions={() => null} />)
    const field = screen.getByTestId('elder-search')
    fireEvent(field.matches('taro-input-core') ? field : field.querySelector('taro-input-core')!, new CustomEvent('input', { detail: { value: '王秀' } }))
    send.mockResolvedValueOnce({ statusCode: 200, data: { elders: [elder(2), elder(1)], nextCursor: '1' } })
    await act(async () => {
      fireEvent.click(screen.getByTestId('elder-search-submit'))
    })
    expect(send.mock.calls[0][0].url).toBe(`/api/elders?q=${encodeURIComponent('王秀')}`)
    expect(screen.getByTestId('elder-more').textContent).toContain('找到的老人不止这 2 位')
  })
})
