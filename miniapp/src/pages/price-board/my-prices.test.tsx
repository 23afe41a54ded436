import { fireEvent, render, screen } from '@testing-library/react'
import type { PriceBoardItem } from '@carecircle/shared'
import { MyPrices } from './my-prices'
import { PriceTable } from '../../components/price-table'

const item = (serviceId: number, name: string, paidFen: number, lowFen: number, freeFen: number, hoursKind: PriceBoardItem['hoursKind'] = null): PriceBoardItem => ({
  serviceId, code: `S${serviceId}`, name, category: 'cleaning', unit: '小时', content: '打扫', durationMinutes: 60, hoursKind, paidFen, lowFen, freeFen,
})
const items = [item(2, '居家保洁', 4000, 2000, 0, 'housekeeping'), item(10, '家电维修', 5000, 3000, 2000)]

describe('MyPrices: the price this person pays, first', () => {
  it('shows one price per service — the reader’s own tier — before the comparison link, and opens the comparison', () => {
    const onCompare = jest.fn()
    render(<MyPrices items={items} tier='low' heading='王秀英的价格' explanation='王秀英是空巢老人（子女不在本市），服务按低偿价格收费' onCompare={onCompare} />)
    const rows = screen.getAllByTestId('my-price')
    expect(rows.map((r) => r.querySelector('[data-testid="my-price-value"]')?.textContent)).toEqual(['¥20.00/小时', '¥30.00/小时'])
    // The price comes before the words of the link in reading order.
    expect(rows[0].textContent!.indexOf('¥20.00')).toBeLessThan(rows[0].textContent!.indexOf('比价'))
    // Minutes can only lower a price that is not already nothing, and only for services of a minutes kind.
    expect(rows[0].textContent).toContain('可用政府购买时长抵扣')
    expect(rows[1].textContent).not.toContain('可用政府购买时长')
    expect(screen.getByText('王秀英的价格（低偿对象）')).toBeTruthy()
    expect(screen.getByTestId('tier-explanation').textContent).toContain('空巢')
    fireEvent.click(rows[1])
    expect(onCompare).toHaveBeenCalledWith(items[1])
  })
})

describe('PriceTable: the three tiers side by side', () => {
  it('gives every tier its own cell with the price and unit, and marks the reader’s tier in words', () => {
    render(<PriceTable items={items} highlight='free' />)
    const first = screen.getAllByTestId('price-item')[0]
    const cells = Array.from(first.querySelectorAll('[data-tier]'))
    expect(cells.map((c) => c.getAttribute('data-tier'))).toEqual(['free', 'low', 'paid'])
    expect(cells.map((c) => c.querySelector('.price-value')?.textContent)).toEqual(['¥0.00', '¥20.00', '¥40.00'])
    expect(first.textContent).toContain('按小时计价')
    expect(cells[0].textContent).toContain('·您')
    expect(cells[2].textContent).not.toContain('·您')
  })
})
