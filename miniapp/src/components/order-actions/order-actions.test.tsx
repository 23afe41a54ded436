import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Order, OrderAction } from '@carecircle/shared'
import { OrderActions } from './index'
import { orderFixture } from '../order-card/fixture'

const send = Taro.request as unknown as jest.Mock

function order(allowedActions: OrderAction[]): Order {
  return orderFixture({
    elder: { id: 1, name: '张桂兰', address: '江阳区兴隆街 1 号', phone: null },
    service: { id: 2, name: '助洁 · 居家保洁', category: 'cleaning', unit: '次', durationMinutes: 60 },
    station: { id: 3, name: '兴隆驿站', phone: '08301234567' },
    allowedActions,
  })
}

const locate = Taro.getLocation as unknown as jest.Mock

beforeEach(() => {
  send.mockReset()
  locate.mockReset()
})

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

  it('check-in sends where the device is; a refused location still checks in', async () => {
    locate.mockResolvedValueOnce({ latitude: 28.88, longitude: 105.44, accuracy: 12 })
    send.mockResolvedValue({ statusCode: 200, data: { ...order([]), status: 'in_service' } })
    render(<OrderActions order={order(['start'])} onChanged={jest.fn()} />)
    await act(async () => {
      fireEvent.click(screen.getByTestId('action-start'))
    })
    expect(send.mock.calls[0][0].url).toBe('/api/orders/7/start')
    expect(send.mock.calls[0][0].data).toEqual({ location: { lat: 28.88, lng: 105.44, accuracyMeters: 12 } })

    locate.mockRejectedValueOnce(new Error('getLocation:fail auth deny'))
    await act(async () => {
      fireEvent.click(screen.getByTestId('action-start'))
    })
    expect(send).toHaveBeenCalledTimes(2)
    expect(send.mock.calls[1][0].data.location).toBeUndefined()
  })

  it('too early to check in: says when check-in opens', async () => {
    locate.mockRejectedValueOnce(new Error('getLocation:fail'))
    send.mockResolvedValueOnce({ statusCode: 409, data: { error: { code: 'CHECK_IN_NOT_OPEN', message: '还没到签到时间：11月24日 08:30 起可以签到（上门时间 11月24日 09:00）' } } })
    render(<OrderActions order={order(['start'])} onChanged={jest.fn()} />)
    await act(async () => {
      fireEvent.click(screen.getByTestId('action-start'))
    })
    expect(screen.getByTestId('order-actions').textContent).toContain('11月24日 08:30 起可以签到')
  })

  it('check-out shows the minutes since check-in and sends none; "少报时长" sends fewer minutes with a reason', async () => {
    const checkInAt = new Date(Date.now() - 42 * 60_000 - 5_000).toISOString()
    const serving = { ...order(['complete']), status: 'in_service' as const, visit: { ...order([]).visit, checkInAt } }
    send.mockResolvedValue({ statusCode: 200, data: { ...serving, status: 'completed', allowedActions: [] } })
    const { unmount } = render(<OrderActions order={serving} onChanged={jest.fn()} />)
    fireEvent.click(screen.getByTestId('action-complete'))
    expect(screen.getByTestId('check-out-minutes').textContent).toContain('42 分钟')
    expect(screen.getByTestId('action-complete-step').querySelector('taro-input-core[type="number"]')).toBeNull()
    await act(async () => {
      fireEvent.click(screen.getByTestId('action-complete-confirm'))
    })
    expect(send.mock.calls[0][0].data).toEqual({ chargedFen: serving.price.payableFen })
    unmount()

    render(<OrderActions order={serving} onChanged={jest.fn()} />)
    fireEvent.click(screen.getByTestId('action-complete'))
    fireEvent.click(screen.getByTestId('check-out-correct'))
    // Taro's H5 Input is a web component: it reports typing as an 'input' event with the value in detail.
    const type = (value: string) => fireEvent(screen.getByTestId('action-complete-step').querySelector('taro-input-core[type="number"]')!, new CustomEvent('input', { detail: { value } }))
    type('90')
    fireEvent.click(screen.getAllByTestId('correction-reason')[0])
    expect(screen.getByText('不能多于 42 分钟。')).toBeTruthy()
    fireEvent.click(screen.getByTestId('action-complete-confirm'))
    expect(send).toHaveBeenCalledTimes(1) // more than served is never sent
    type('30')
    await act(async () => {
      fireEvent.click(screen.getByTestId('action-complete-confirm'))
    })
    expect(send.mock.calls[1][0].data).toEqual({ chargedFen: serving.price.payableFen, correctedMinutes: 30, correctionReason: '老人中途有事，提前结束' })
  })

  it('check-out pre-fills the quoted amount; a different amount is typed in yuan and sent in fen', async () => {
    const serving = { ...order(['complete']), status: 'in_service' as const, visit: { ...order([]).visit, checkInAt: new Date(Date.now() - 60 * 60_000).toISOString() } }
    send.mockResolvedValue({ statusCode: 200, data: { ...serving, status: 'completed', allowedActions: [] } })
    render(<OrderActions order={serving} onChanged={jest.fn()} />)
    fireEvent.click(screen.getByTestId('action-complete'))
    expect(screen.getByTestId('check-out-charge').textContent).toContain(`¥${(serving.price.payableFen / 100).toFixed(2)}`)
    fireEvent.click(screen.getByTestId('charge-differs'))
    const money = () => screen.getByTestId('action-complete-step').querySelector('taro-input-core[type="digit"]')!
    fireEvent(money(), new CustomEvent('input', { detail: { value: '60.5.0' } }))
    expect(screen.getByText('请填写金额，例如 40 或 40.50。')).toBeTruthy()
    fireEvent.click(screen.getByTestId('action-complete-confirm'))
    expect(send).not.toHaveBeenCalled() // not an amount: nothing is sent
    fireEvent(money(), new CustomEvent('input', { detail: { value: '60.5' } }))
    await act(async () => {
      fireEvent.click(screen.getByTestId('action-complete-confirm'))
    })
    expect(send.mock.calls[0][0].data).toEqual({ chargedFen: 6050 })
  })

  it('check-out sends what was done (服务内容) when the worker writes it, trimmed, at most 200 characters', async () => {
    const serving = { ...order(['complete']), status: 'in_service' as const, visit: { ...order([]).visit, checkInAt: new Date(Date.now() - 30 * 60_000).toISOString() } }
    send.mockResolvedValue({ statusCode: 200, data: { ...serving, status: 'completed', allowedActions: [] } })
    render(<OrderActions order={serving} onChanged={jest.fn()} />)
    fireEvent.click(screen.getByTestId('action-complete'))
    const note = screen.getByTestId('work-note')
    expect(note.getAttribute('maxlength')).toBe('200')
    fireEvent(note, new CustomEvent('input', { detail: { value: '  打扫了厨房和卫生间 ' } }))
    expect(screen.getByTestId('work-note-count').textContent).toBe('12/200 字')
    await act(async () => {
      fireEvent.click(screen.getByTestId('action-complete-confirm'))
    })
    expect(send.mock.calls[0][0].data).toEqual({ chargedFen: serving.price.payableFen, workNote: '打扫了厨房和卫生间' })
  })
})
