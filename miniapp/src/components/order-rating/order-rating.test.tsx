import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Order, OrderRating as Rating } from '@carecircle/shared'
import { OrderRating } from './index'
import { StarPicker } from '../star-rating'

const send = Taro.request as unknown as jest.Mock
beforeEach(() => send.mockReset())

const NOW = Date.parse('2026-11-26T10:00:00+08:00')
function order(over: Partial<Order> = {}): Order {
  return {
    id: 7, status: 'completed',
    elder: { id: 1, name: '张桂兰', address: '江阳区兴隆街 1 号', phone: null },
    service: { id: 2, name: '助洁 · 居家保洁', category: 'cleaning', unit: '次', durationMinutes: 60 },
    station: { id: 3, name: '兴隆驿站', phone: '08301234567' },
    slotStart: '2026-11-24T09:00:00+08:00',
    price: { tier: 'low', priceVersionId: 1, listPriceFen: 5000, tierPriceFen: 2000, subsidyFen: 3000, payableFen: 2000, hoursKind: null, hoursUsedMinutes: 0, hoursRemainingMinutes: null, explanation: '低偿对象按优惠价' },
    routeExplanation: '兴隆驿站，约 650 米', channel: 'self', placedBy: { role: 'elder', name: '王秀英', stationName: null, text: '本人预约' }, note: null, actualMinutes: 60,
    visit: { checkInAt: null, checkOutAt: null, servedMinutes: null, correctedFromMinutes: null, correctionReason: null, checkInDistanceMeters: null, workerName: null, workNote: null },
    charge: null, rating: null, overdue: false, checkInWindow: { opensAt: '2026-11-24T08:30:00+08:00', closesAt: '2026-11-24T10:00:00+08:00' }, createdAt: '2026-11-23T10:00:00+08:00', allowedActions: [],
    ...over,
  }
}
const given = (over: Partial<Rating> = {}): Rating => ({
  stars: 4, comment: '打扫得很干净', ratedAt: '2026-11-24T11:00:00+08:00', editableUntil: '2026-12-01T11:00:00+08:00', ...over,
})
const typeInto = (testId: string, value: string) =>
  act(() => {
    screen.getByTestId(testId).dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
  })

describe('StarPicker', () => {
  it('offers five big buttons with the number and a word, and says which is chosen in words', () => {
    const onChange = jest.fn()
    render(<StarPicker value={2} onChange={onChange} />)
    const options = screen.getAllByTestId('star-option')
    expect(options.map((o) => o.querySelector('.choice-label')?.textContent)).toEqual(['1 星 很差', '2 星 较差', '3 星 一般', '4 星 较好', '5 星 很好'])
    expect(options[1].textContent).toContain('✓ 已选')
    expect(options[1].getAttribute('aria-pressed')).toBe('true')
    expect(options.filter((o) => o.textContent?.includes('已选'))).toHaveLength(1)
    fireEvent.click(options[4])
    expect(onChange).toHaveBeenCalledWith(5)
  })
})

describe('OrderRating', () => {
  it('shows nothing on an order that is not completed', () => {
    const { container } = render(<OrderRating order={order({ status: 'in_service' })} onChanged={jest.fn()} now={() => NOW} />)
    expect(container.textContent).toBe('')
  })

  it('will not send before stars are chosen, then sends the stars and the comment', async () => {
    const onChanged = jest.fn()
    render(<OrderRating order={order()} onChanged={onChanged} now={() => NOW} />)
    fireEvent.click(screen.getByTestId('rating-submit'))
    expect(send).not.toHaveBeenCalled()
    expect(screen.getByTestId('order-rating').textContent).toContain('请先在上面选几颗星')
    fireEvent.click(screen.getAllByTestId('star-option')[3])
    typeInto('rating-comment', '  打扫得很干净 ')
    expect(screen.getByTestId('rating-submit').textContent).toBe('提交：4 星 较好')
    send.mockResolvedValueOnce({ statusCode: 201, data: order({ rating: given() }) })
    await act(async () => {
      fireEvent.click(screen.getByTestId('rating-submit'))
    })
    expect(send.mock.calls[0][0]).toMatchObject({ method: 'POST', data: { stars: 4, comment: '打扫得很干净' } })
    expect(send.mock.calls[0][0].url).toMatch(/\/api\/orders\/7\/rating$/)
    expect(onChanged).toHaveBeenCalledWith(expect.objectContaining({ rating: expect.objectContaining({ stars: 4 }) }))
    expect(screen.getByTestId('rating-saved').textContent).toBe('评价已提交，谢谢您。')
  })

  it('shows the rating given and until when it can be changed, and changes it', async () => {
    const onChanged = jest.fn()
    render(<OrderRating order={order({ rating: given() })} onChanged={onChanged} now={() => NOW} />)
    expect(screen.getByTestId('rating-given').textContent).toContain('4 星 较好')
    expect(screen.getByTestId('rating-given').textContent).toContain('打扫得很干净')
    expect(screen.getByTestId('rating-editable').textContent).toMatch(/12月1日.*11:00 之前可以修改/)
    expect(screen.queryByTestId('star-option')).toBeNull()
    fireEvent.click(screen.getByTestId('rating-change'))
    expect(screen.getAllByTestId('star-option')[3].textContent).toContain('已选')
    fireEvent.click(screen.getAllByTestId('star-option')[1])
    send.mockResolvedValueOnce({ statusCode: 200, data: order({ rating: given({ stars: 2 }) }) })
    await act(async () => {
      fireEvent.click(screen.getByTestId('rating-submit'))
    })
    expect(send.mock.calls[0][0].data).toMatchObject({ stars: 2 })
    expect(screen.getByTestId('rating-saved').textContent).toBe('评价已修改，谢谢您。')
  })

  it('after 7 days says plainly it can no longer be changed, with no button to try', () => {
    render(<OrderRating order={order({ rating: given() })} onChanged={jest.fn()} now={() => Date.parse('2026-12-02T10:00:00+08:00')} />)
    expect(screen.getByTestId('rating-editable').textContent).toBe('评价已超过 7 天，不能再修改。有问题可以投诉这单服务。')
    expect(screen.queryByTestId('rating-change')).toBeNull()
    expect(screen.queryByTestId('star-option')).toBeNull()
  })

  it('a refusal from the server (the 7 days ran out meanwhile) is shown in words', async () => {
    render(<OrderRating order={order({ rating: given() })} onChanged={jest.fn()} now={() => NOW} />)
    fireEvent.click(screen.getByTestId('rating-change'))
    send.mockResolvedValueOnce({ statusCode: 409, data: { error: { code: 'ILLEGAL_TRANSITION', message: '评价已超过 7 天，不能再修改' } } })
    await act(async () => {
      fireEvent.click(screen.getByTestId('rating-submit'))
    })
    expect(screen.getByTestId('error-state').textContent).toContain('评价已超过 7 天，不能再修改')
  })
})
