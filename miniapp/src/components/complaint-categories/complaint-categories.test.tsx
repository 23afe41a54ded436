import { fireEvent, render, screen } from '@testing-library/react'
import { ComplaintCategories, ComplaintReasons } from '.'

describe('ComplaintCategories', () => {
  it('offers all six categories in words with an everyday hint', () => {
    render(<ComplaintCategories value={null} onChange={() => {}} />)
    const tiles = screen.getAllByTestId('complaint-category')
    expect(tiles.map((t) => t.getAttribute('data-value'))).toEqual(['fee', 'quality', 'attitude', 'no_show', 'safety', 'other'])
    expect(tiles[0].textContent).toContain('收费问题')
    expect(tiles[0].textContent).toContain('多收了钱')
    expect(screen.queryByText('✓ 已选')).toBeNull()
  })

  it('marks the chosen one in words and with aria-pressed, and reports a tap', () => {
    const onChange = jest.fn()
    render(<ComplaintCategories value='fee' onChange={onChange} />)
    const [fee, quality] = screen.getAllByTestId('complaint-category')
    expect(fee.textContent).toContain('✓ 已选')
    expect(fee.getAttribute('aria-pressed')).toBe('true')
    expect(quality.getAttribute('aria-pressed')).toBe('false')
    fireEvent.click(quality)
    expect(onChange).toHaveBeenCalledWith('quality')
  })
})

describe('ComplaintReasons', () => {
  it('offers the category’s ready-made reasons as big choices, marks the chosen one in words and taps again to unchoose', () => {
    const onChange = jest.fn()
    const { rerender } = render(<ComplaintReasons category='fee' value={null} onChange={onChange} />)
    const reasons = screen.getAllByTestId('complaint-reason')
    expect(reasons.map((r) => r.getAttribute('data-value'))).toEqual(['多收了钱', '价格不对', '和公示的价格不一样', '说好免费却收了钱'])
    fireEvent.click(reasons[0]!)
    expect(onChange).toHaveBeenLastCalledWith('多收了钱')
    rerender(<ComplaintReasons category='fee' value='多收了钱' onChange={onChange} />)
    expect(screen.getAllByTestId('complaint-reason')[0]!.textContent).toContain('✓ 已选')
    fireEvent.click(screen.getAllByTestId('complaint-reason')[0]!)
    expect(onChange).toHaveBeenLastCalledWith(null)
  })

  it('has none for 其他: there the person says it in words', () => {
    const { container } = render(<ComplaintReasons category='other' value={null} onChange={() => {}} />)
    expect(container.textContent).toBe('')
  })
})
