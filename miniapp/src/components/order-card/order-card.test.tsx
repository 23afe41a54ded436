import { render, screen } from '@testing-library/react'
import { describeCharge, type OrderComplaint } from '@carecircle/shared'
import { OrderCard } from '.'
import { orderFixture } from './fixture'

const overcharged = { status: 'completed' as const, charge: describeCharge(0, 2000) }
const fee = (over: Partial<OrderComplaint> = {}): OrderComplaint => ({ id: 42, category: 'fee', status: 'submitted', open: true, refundFen: null, text: '已投诉，驿站处理中', ...over })

describe('OrderCard', () => {
  it('an overcharged visit says so in words beside 已完成, with a sign that is not colour', () => {
    render(<OrderCard order={orderFixture(overcharged)} />)
    expect(screen.getByTestId('order-item').getAttribute('data-order-id')).toBe('7')
    expect(screen.getByTestId('order-flag').textContent).toBe('⚠ 多收了 ¥20.00')
  })

  it('with a complaint open, says that too; once refunded, says how much came back', () => {
    const { unmount } = render(<OrderCard order={orderFixture({ ...overcharged, complaints: [fee()] })} />)
    expect(screen.getByTestId('order-flag').textContent).toBe('⚠ 多收了 ¥20.00 · 已投诉，驿站处理中')
    unmount()
    render(<OrderCard order={orderFixture({ ...overcharged, complaints: [fee({ status: 'resolved', refundFen: 2000, text: '已退款 ¥20.00' })], refundFen: 2000 })} />)
    expect(screen.getByTestId('order-flag').textContent).toBe('多收了 ¥20.00 · 已退款 ¥20.00')
  })

  it('a complaint about a visit charged right still shows on the card; an ordinary visit has no flag', () => {
    const { unmount } = render(<OrderCard order={orderFixture({ complaints: [fee({ category: 'attitude' })] })} />)
    expect(screen.getByTestId('order-flag').textContent).toBe('已投诉，驿站处理中')
    unmount()
    render(<OrderCard order={orderFixture({ status: 'completed', charge: describeCharge(2000, 2000) })} />)
    expect(screen.queryByTestId('order-flag')).toBeNull()
  })
})
