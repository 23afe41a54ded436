import { render, screen } from '@testing-library/react'
import { BarChart } from './index'

describe('BarChart', () => {
  it('draws each bar against the largest and writes its number beside it', () => {
    render(
      <BarChart
        label='每百单投诉数'
        bars={[
          { key: 1, label: '兴隆驿站', value: 4, valueText: '4.0 件' },
          { key: 2, label: '大山坪驿站', value: 1, valueText: '1.0 件' },
          { key: 3, label: '新开驿站', value: null, valueText: '没有完成的订单' },
        ]}
      />,
    )
    const rows = screen.getAllByTestId('bar-row')
    expect(rows.map((r) => r.textContent)).toEqual(['兴隆驿站4.0 件', '大山坪驿站1.0 件', '新开驿站没有完成的订单'])
    const widths = screen.getAllByTestId('bar-fill').map((f) => (f as HTMLElement).style.width)
    expect(widths).toEqual(['100%', '25%', '0%'])
    expect(screen.getByTestId('bar-chart').getAttribute('aria-label')).toBe('每百单投诉数')
  })

  it('draws empty bars, not a division by zero, when every value is 0', () => {
    render(<BarChart label='x' bars={[{ key: 1, label: 'A', value: 0, valueText: '0 件' }]} />)
    expect((screen.getByTestId('bar-fill') as HTMLElement).style.width).toBe('0%')
  })
})
