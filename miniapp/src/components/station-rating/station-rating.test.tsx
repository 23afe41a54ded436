import { render, screen } from '@testing-library/react'
import { StationRating, ratingText } from './index'

describe('StationRating', () => {
  it('writes the stars with one decimal and how many ratings they come from', () => {
    expect(ratingText(4.2, 12)).toBe('4.2 星（12 条评价）')
    expect(ratingText(5, 5)).toBe('5.0 星（5 条评价）')
  })

  it('says 暂无评分 while there are fewer than 5 ratings', () => {
    render(<StationRating rating={null} ratingCount={3} />)
    expect(screen.getByTestId('station-rating').textContent).toBe('暂无评分（评价不足 5 条）')
    expect(screen.getByTestId('station-rating').getAttribute('data-rated')).toBe('no')
  })
})
