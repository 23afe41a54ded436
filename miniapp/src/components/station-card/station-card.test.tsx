import { render, screen } from '@testing-library/react'
import type { NearbyStation } from '@carecircle/shared'
import { StationCard } from './index'

const station = (over: Partial<NearbyStation>): NearbyStation => ({
  id: 1, name: '兴隆养老服务驿站', kind: 'station', operatorName: '颐安物业', address: '兴隆街 1 号', phone: '0830-1234567',
  lat: 28.88, lng: 105.44, rating: 4.5, ratingCount: 12, distanceMeters: 790, travelMinutes: 9, travelMode: 'walk', withinCircle: true,
  status: 'active', suspendedReason: null, explanation: '兴隆养老服务驿站，约 790 米，步行约 9 分钟', ...over,
})

describe('StationCard', () => {
  it('leads with how long the trip takes and how, then the distance', () => {
    render(<StationCard station={station({})} />)
    expect(screen.getByTestId('station-reach').textContent).toBe('步行约 9 分钟 · 790 米')
  })

  it('names the mode when a farther station is quicker by e-bike, so the order by time makes sense', () => {
    render(<StationCard station={station({ distanceMeters: 1500, travelMinutes: 6, travelMode: 'ebike' })} />)
    expect(screen.getByTestId('station-reach').textContent).toBe('骑电动车约 6 分钟 · 1.5 公里')
  })

  it('says plainly when the home is outside the circle', () => {
    render(<StationCard station={station({ withinCircle: false, travelMinutes: 25, distanceMeters: 2100 })} />)
    expect(screen.getByTestId('station-reach').textContent).toBe('步行约 25 分钟 · 2.1 公里')
    expect(screen.getByTestId('station-circle').textContent).toContain('不在服务圈内')
  })

  it('says a suspended station has stopped taking orders and why — not that the home is outside its circle', () => {
    render(<StationCard station={station({ withinCircle: false, status: 'suspended', suspendedReason: '多次超标准收费，限期整改' })} />)
    expect(screen.getByTestId('station-circle').textContent).toBe('已暂停接单')
    expect(screen.getByTestId('station-suspended-reason').textContent).toBe('暂停原因：多次超标准收费，限期整改')
  })
})

describe('StationCard rating', () => {
  it('shows the stars in words, or 暂无评分 before 5 ratings', () => {
    const { unmount } = render(<StationCard station={station({ rating: 4.2, ratingCount: 12 })} />)
    expect(screen.getByTestId('station-rating').textContent).toBe('4.2 星（12 条评价）')
    unmount()
    render(<StationCard station={station({ rating: null, ratingCount: 2 })} />)
    expect(screen.getByTestId('station-rating').textContent).toBe('暂无评分（评价不足 5 条）')
  })
})
