import { publicRating } from '@carecircle/shared'
import { stationRating } from './station-rating'

describe('a station’s rating', () => {
  it('is the mean of the window’s stars in tenths, once there are 5', () => {
    expect(stationRating([5, 4, 4, 5, 4])).toEqual({ ratingTenths: 44, ratingCount: 5 })
    expect(stationRating([5, 5, 5, 5, 4, 1])).toEqual({ ratingTenths: 42, ratingCount: 6 })
    expect(publicRating(44, 5)).toBe(4.4)
  })
  it('is 暂无评分 (null) with fewer than 5, however good', () => {
    expect(stationRating([5, 5, 5, 5])).toEqual({ ratingTenths: 0, ratingCount: 4 })
    expect(publicRating(0, 4)).toBeNull()
    expect(publicRating(50, 4)).toBeNull()
  })
})
