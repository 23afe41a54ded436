import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Order, OrderAction } from '@carecircle/shared'
import { OrderActions } from './index'

const send = Taro.request as unknown as jest.Mock

function order(allowedActions: OrderAction[]): Order {
  return {
    id: 7,
    status: 'assigned',
    elder: { id: 1, name: '张桂兰', address: '江阳区兴隆街 1 号', phone: null },
    service: { id: 2, name: '助洁 · 居家保洁', category: 'cleaning', unit: '次', durationMinutes: 60 },
    station: { id: 3, name: '兴隆驿站', phone: '08301234567' },
    slotStart: '2026-11-24T09:00:00+08:00',
    price: {
      tier: 'low', priceVersionId: 1, listPriceFen: 5000, tierPriceFen: 2000, subsidyFen: 3000, payableFen: 2000,
      hoursKind: null, hoursUsedMinutes: 0, hoursRemainingMinutes: null, explanation: '低偿对象按优惠价',
    },
    routeExplanation: '兴隆驿站，约 650 米，步行约 9 分钟',
    note: null,
    actualMinutes: null,
    overdue: false,
    createdAt: '2026-11-23T10:00:00+08:00',
    allowedActions,
  }
}

beforeEach(() => send.mockReset())

describe('OrderActions', () => {
  it('shows only the allowed actions, labelled from the shared table', () => {
    render(<OrderActions order={order(['accept', 'decline'])} onChanged={jest.fn()} />)
    expect(screen.getByTestId('action-accept').textContent).toBe('接单')
    expect(screen.getByTestId('action-decline').textContent).toBe('无法接单')
    expect(screen.queryByTestId('action-cancel')).toBeNull()
  })

  it('cancelling asks again in the page before anything is sent', async () => {
    const onChanged = jest.fn()
    render(<OrderActions order={order(['cancel'])} onChanged={onChanged} />)
    fireEvent.click(screen.getByTestId('action-cancel'))
    expect(send).not.toHaveBeenCalled()
    expect(screen.getByTestId('action-cancel-step').textContent).toContain('确定要取消')

    send.mockResolvedValueOnce({ statusCode: 200, data: { ...order([]), status: 'cancelled' } })
    await act(async () => {
      fireEvent.click(screen.getByTestId('action-cancel-confirm'))
    })
    expect(send.mock.calls[0][0].url).toBe('/api/orders/7/cancel')
    expect(onChanged).toHaveBeenCalledWith(expect.objectContaining({ status: 'cancelled' }))
  })

  it('declining needs a reason', async () => {
    render(<OrderActions order={order(['decline'])} onChanged={jest.fn()} />)
    fireEvent.click(screen.getByTestId('action-decline'))
    fireEvent.click(screen.getByTestId('action-decline-confirm'))
    expect(send).not.toHaveBeenCalled()

    fireEvent.click(screen.getAllByTestId('decline-reason')[0])
    send.mockResolvedValueOnce({ statusCode: 200, data: { ...order([]), status: 'unassigned' } })
    await act(async () => {
      fireEvent.click(screen.getByTestId('action-decline-confirm'))
    })
    expect(send.mock.calls[0][0].data).toEqual({ reason: '人手不够' })
  })
})
