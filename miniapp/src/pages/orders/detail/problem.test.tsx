import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { describeCharge, type OrderComplaint } from '@carecircle/shared'
import { OrderProblem } from './problem'
import { orderFixture } from '../../../components/order-card/fixture'

const navigate = Taro.navigateTo as unknown as jest.Mock
beforeEach(() => navigate.mockReset())
const overcharged = { status: 'completed' as const, charge: describeCharge(4000, 6000) }
const fee = (over: Partial<OrderComplaint> = {}): OrderComplaint => ({ id: 42, category: 'fee', status: 'submitted', open: true, refundFen: null, text: '已投诉，驿站处理中', ...over })

describe('OrderProblem (top of 订单详情)', () => {
  it('an overcharge: the warning in words, then 投诉收费 right under it, opening the fee complaint form', () => {
    render(<OrderProblem order={orderFixture(overcharged)} />)
    const problem = screen.getByTestId('order-problem')
    expect(problem.textContent).toContain('⚠ 多收了 ¥20.00')
    expect(problem.textContent).toContain('实收 ¥60.00，比预约时的 ¥40.00 多 ¥20.00')
    const button = screen.getByTestId('complain-fee')
    expect(button.textContent).toBe('投诉收费')
    expect(problem.contains(button)).toBe(true)
    fireEvent.click(button)
    expect(navigate.mock.calls[0][0].url).toMatch(/pages\/complaints\/new\/index\?orderId=7&category=fee$/)
  })

  it('with the fee complaint open: says so, and 投诉收费 becomes 查看投诉 (opening that complaint)', () => {
    render(<OrderProblem order={orderFixture({ ...overcharged, complaints: [fee()] })} />)
    expect(screen.getByTestId('order-problem').textContent).toContain('已投诉，驿站处理中')
    expect(screen.queryByTestId('complain-fee')).toBeNull()
    fireEvent.click(screen.getByTestId('open-complaint'))
    expect(screen.getByTestId('open-complaint').textContent).toBe('查看投诉')
    expect(navigate.mock.calls[0][0].url).toMatch(/pages\/complaints\/detail\/index\?id=42$/)
  })

  it('refunded: says how much came back, in a notice that is no longer a warning, with the link to the complaint', () => {
    render(<OrderProblem order={orderFixture({ ...overcharged, complaints: [fee({ status: 'closed', open: false, refundFen: 2000, text: '已退款 ¥20.00' })], refundFen: 2000 })} />)
    const problem = screen.getByTestId('order-problem')
    expect(problem.textContent).toContain('已退款 ¥20.00')
    expect(problem.className).toContain('ok')
    expect(screen.queryByTestId('complain-fee')).toBeNull()
    expect(screen.getByTestId('open-complaint')).toBeTruthy()
  })

  it('says nothing about an order charged right with no complaint', () => {
    const { container } = render(<OrderProblem order={orderFixture({ status: 'completed', charge: describeCharge(4000, 4000) })} />)
    expect(container.textContent).toBe('')
  })
})
