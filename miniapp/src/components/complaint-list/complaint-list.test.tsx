import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ComplaintList } from '.'
import { complaintFixture } from '../complaint-view/fixture'

const send = Taro.request as unknown as jest.Mock
beforeEach(() => send.mockReset())

const flush = () => act(async () => {
  await new Promise((r) => setTimeout(r, 0))
})

describe('ComplaintList', () => {
  it('loads the next page from the cursor the server gave, keeps the first, and says when all are shown', async () => {
    send
      .mockResolvedValueOnce({ statusCode: 200, data: { complaints: [complaintFixture({ id: 9 }), complaintFixture({ id: 8 })], nextCursor: '8' } })
      .mockResolvedValueOnce({ statusCode: 200, data: { complaints: [complaintFixture({ id: 7 })], nextCursor: null } })
    render(<ComplaintList role='supervisor' filters={{ status: 'reopened' }} empty='没有' />)
    await flush()
    expect(send.mock.calls[0][0].url).toBe('/api/complaints?status=reopened')
    expect(screen.getAllByTestId('complaint-item')).toHaveLength(2)
    expect(screen.queryByText(/已经是全部了/)).toBeNull()

    await act(async () => {
      fireEvent.click(screen.getByTestId('load-more'))
    })
    await flush()
    expect(send.mock.calls[1][0].url).toBe('/api/complaints?status=reopened&cursor=8')
    expect(screen.getAllByTestId('complaint-item').map((el) => el.textContent?.match(/第 (\d+) 号/)?.[1])).toEqual(['9', '8', '7'])
    expect(screen.queryByTestId('load-more')).toBeNull()
    expect(screen.getByText('已经是全部了，共 3 条。')).toBeTruthy()
  })

  it('keeps what is shown when 加载更多 fails, and says what to do', async () => {
    send
      .mockResolvedValueOnce({ statusCode: 200, data: { complaints: [complaintFixture({ id: 9 })], nextCursor: '9' } })
      .mockRejectedValueOnce(new Error('offline'))
    render(<ComplaintList role='elder' empty='没有' />)
    await flush()
    await act(async () => {
      fireEvent.click(screen.getByTestId('load-more'))
    })
    await flush()
    expect(screen.getAllByTestId('complaint-item')).toHaveLength(1)
    expect(screen.getByTestId('error-state').textContent).toContain('网络连接不上')
  })

  it('says so when there is nothing, and shows the station its deadline badge and 匿名投诉人', async () => {
    send.mockResolvedValueOnce({ statusCode: 200, data: { complaints: [], nextCursor: null } })
    const { unmount } = render(<ComplaintList role='elder' empty='您还没有投诉过。' />)
    await flush()
    expect(screen.getByText('您还没有投诉过。')).toBeTruthy()
    unmount()

    send.mockResolvedValueOnce({ statusCode: 200, data: { complaints: [complaintFixture({ anonymous: true, complainant: null, ackDueAt: '2000-01-01T09:00:00+08:00' })], nextCursor: null } })
    render(<ComplaintList role='station_admin' empty='没有' />)
    await flush()
    const item = screen.getByTestId('complaint-item')
    expect(item.textContent).toContain('投诉人：匿名投诉人')
    expect(screen.getByTestId('deadline-badge').textContent).toMatch(/^已超时/)
  })
})
