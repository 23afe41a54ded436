import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Order, OrderAction } from '@carecircle/shared'
import { OrderActions } from './index'
import { orderFixture } from '../order-card/fixture'
import { Page } from '../page'

const send = Taro.request as unknown as jest.Mock

function order(allowedActions: OrderAction[]): Order {
  return orderFixture({
    elder: { id: 1, name: '张桂兰', address: '江阳区兴隆街 1 号', phone: null },
    service: { id: 2, name: '助洁 · 居家保洁', category: 'cleaning', unit: '次', durationMinutes: 60 },
    station: { id: 3, name: '兴隆驿站', phone: '08301234567' },
    slotStart: '2026-11-24T09:00:00+08:00',
    price: {
      tier: 'low', priceVersionId: 1, listPriceFen: 5000, tierPriceFen: 2000, subsidyFen: 3000, payableFen: 2000,
      hoursKind: null, hoursUsedMinutes: 0, hoursRemainingMinutes: null, explanation: '低偿对象按优惠价',
    },
    routeExplanation: '兴隆驿站，约 650 米，步行约 9 分钟', channel: 'self', placedBy: { role: 'elder', name: '王秀英', stationName: null, text: '本人预约' },
    note: null,
    actualMinutes: null,
    visit: { checkInAt: null, checkOutAt: null, servedMinutes: null, correctedFromMinutes: null, correctionReason: null, checkInDistanceMeters: null, workerName: null, workNote: null },
    charge: null,
    rating: null,
    overdue: false,
    // Open now unless a test says otherwise.
    checkInWindow: { opensAt: new Date(Date.now() - 3600_000).toISOString(), closesAt: new Date(Date.now() + 3600_000).toISOString() },
    createdAt: '2026-11-23T10:00:00+08:00',
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

  it('before check-in opens the button is off and says when it opens; it comes on at that minute', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-24T11:10:00+08:00') })
    try {
      const early = { ...order(['start']), status: 'accepted' as const, checkInWindow: { opensAt: '2026-11-24T11:30:00+08:00', closesAt: '2026-11-24T13:00:00+08:00' } }
      render(<OrderActions order={early} onChanged={jest.fn()} />)
      expect(screen.getByTestId('check-in-opens').textContent).toContain('今天 11:30 起可以签到')
      expect(screen.getByTestId('action-start').getAttribute('aria-disabled')).toBe('true')
      fireEvent.click(screen.getByTestId('action-start'))
      expect(send).not.toHaveBeenCalled()
      act(() => {
        jest.advanceTimersByTime(20 * 60_000)
      })
      expect(screen.queryByTestId('check-in-opens')).toBeNull()
      expect(screen.getByTestId('action-start').getAttribute('aria-disabled')).not.toBe('true')
    } finally {
      jest.useRealTimers()
    }
  })

  it('after check-in closes the button is off and says whom to ask', () => {
    const late = { ...order(['start']), status: 'accepted' as const, checkInWindow: { opensAt: new Date(Date.now() - 3 * 3600_000).toISOString(), closesAt: new Date(Date.now() - 3600_000).toISOString() } }
    render(<OrderActions order={late} onChanged={jest.fn()} />)
    expect(screen.getByTestId('check-in-opens').textContent).toContain('签到时间已过')
    expect(screen.getByTestId('action-start').getAttribute('aria-disabled')).toBe('true')
  })

  it('on a staff screen a failure never offers the residents\' 12349 as help', async () => {
    locate.mockRejectedValueOnce(new Error('getLocation:fail'))
    send.mockResolvedValueOnce({ statusCode: 409, data: { error: { code: 'CHECK_IN_NOT_OPEN', message: '还没到签到时间：11月24日 08:30 起可以签到（上门时间 11月24日 09:00）' } } })
    render(
      <Page title='驿站订单' nav='staff' active='staff' help={false}>
        <OrderActions order={order(['start'])} onChanged={jest.fn()} />
      </Page>,
    )
    await act(async () => {
      fireEvent.click(screen.getByTestId('action-start'))
    })
    const shown = screen.getByTestId('order-actions').textContent!
    expect(shown).toContain('08:30 起可以签到')
    expect(shown).not.toContain('12349')
    expect(document.querySelector('a[href="tel:12349"]')).toBeNull()
  })

  it('check-out of 0 minutes, or money from a 无偿 elder: the consequence in words, sent only after "我知道，仍要签退"', async () => {
    const serving = {
      ...order(['complete']), status: 'in_service' as const, elder: { ...order([]).elder, name: '王秀英' },
      price: { ...order([]).price, tier: 'free' as const, payableFen: 0 }, visit: { ...order([]).visit, checkInAt: new Date(Date.now() - 10_000).toISOString() },
    }
    send.mockResolvedValue({ statusCode: 200, data: { ...serving, status: 'completed', allowedActions: [] } })
    render(<OrderActions order={serving} onChanged={jest.fn()} />)
    fireEvent.click(screen.getByTestId('action-complete'))
    fireEvent.click(screen.getByTestId('charge-differs'))
    fireEvent(screen.getByTestId('action-complete-step').querySelector('taro-input-core[type="digit"]')!, new CustomEvent('input', { detail: { value: '20' } }))
    const words = screen.getByTestId('check-out-consequences').textContent!
    expect(words).toContain('服务 0 分钟：本次不计服务时长')
    expect(words).toContain('王秀英是无偿老人，收了 ¥20.00 会被标为多收，老人和家人会看到')
    fireEvent.click(screen.getByTestId('action-complete-confirm'))
    expect(send).not.toHaveBeenCalled()
    fireEvent.click(screen.getByTestId('confirm-consequences'))
    await act(async () => {
      fireEvent.click(screen.getByTestId('action-complete-confirm'))
    })
    expect(send.mock.calls[0][0].data).toEqual({ chargedFen: 2000, confirmConsequences: true })
  })

  it('a consequence only the server saw (409 CHECK_OUT_NEEDS_CONFIRMATION) is shown the same way and confirmed', async () => {
    const serving = { ...order(['complete']), status: 'in_service' as const, visit: { ...order([]).visit, checkInAt: new Date(Date.now() - 60 * 60_000).toISOString() } }
    send.mockResolvedValueOnce({ statusCode: 409, data: { error: { code: 'CHECK_OUT_NEEDS_CONFIRMATION', message: '请确认后再签退：服务 0 分钟：本次不计服务时长', details: { consequences: ['服务 0 分钟：本次不计服务时长'] } } } })
    render(<OrderActions order={serving} onChanged={jest.fn()} />)
    fireEvent.click(screen.getByTestId('action-complete'))
    expect(screen.queryByTestId('check-out-consequences')).toBeNull()
    await act(async () => {
      fireEvent.click(screen.getByTestId('action-complete-confirm'))
    })
    expect(screen.getByTestId('check-out-consequences').textContent).toContain('服务 0 分钟：本次不计服务时长')
    expect(screen.queryByTestId('error-state')).toBeNull()
    send.mockResolvedValueOnce({ statusCode: 200, data: { ...serving, status: 'completed', allowedActions: [] } })
    fireEvent.click(screen.getByTestId('confirm-consequences'))
    await act(async () => {
      fireEvent.click(screen.getByTestId('action-complete-confirm'))
    })
    expect(send.mock.calls[1][0].data).toEqual({ chargedFen: serving.price.payableFen, confirmConsequences: true })
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
