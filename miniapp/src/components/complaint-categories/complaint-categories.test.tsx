import { fireEvent, render, screen } from '@testing-library/react'
import { ComplaintCategories } from '.'

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
