import type { RoutingCandidate } from '../routing/route-order'
import { slotStatus } from './slot-status'
import { outsideCircleOf } from './outside-circle'

const cand = (id: number, over: Partial<RoutingCandidate> = {}): RoutingCandidate => ({
  stationId: id, name: `站${id}`, phone: '0830-1', active: true, offersService: true, capacity: 2, booked: 0, ratingTenths: 40,
  verdict: { distanceMeters: 300, travelMinutes: 5, withinCircle: true, explanation: `站${id}，约 300 米，步行约 5 分钟` },
  ...over,
})

describe('slotStatus: the true reason of one slot', () => {
  it('open when routing could place it; past when too late, whatever the room', () => {
    expect(slotStatus([cand(1)], true)).toBe('open')
    expect(slotStatus([cand(1)], false)).toBe('past')
  })

  it('full only when a station that works then has no place left', () => {
    expect(slotStatus([cand(1, { booked: 2 }), cand(2, { capacity: 0 })], true)).toBe('full')
  })

  it('closed when no active station in the circle works then (no hours, capacity 0, suspended)', () => {
    expect(slotStatus([cand(1, { capacity: 0 }), cand(2, { active: false, booked: 0 })], true)).toBe('closed')
    expect(slotStatus([], true)).toBe('closed')
  })
})

describe('outsideCircleOf', () => {
  const station = (id: number, status: 'active' | 'suspended') => ({ id, name: `站${id}`, phone: '0830-2', status, travelMode: 'ebike' as const }) as any
  const verdict = { distanceMeters: 9400, travelMinutes: 62, withinCircle: false, explanation: '站9，约 9.4 公里，骑电动车约 62 分钟' }

  it('null when an active station covers the home', () => {
    expect(outsideCircleOf({ inCircle: [{ station: station(1, 'active'), verdict: { ...verdict, withinCircle: true } }], nearest: null })).toBeNull()
  })

  it('otherwise the nearest active station, how far, and 12349 — also when only a suspended station covers it', () => {
    const o = outsideCircleOf({ inCircle: [{ station: station(1, 'suspended'), verdict }], nearest: { station: station(9, 'active'), verdict } })
    expect(o).toEqual({
      nearestStation: { id: 9, name: '站9', phone: '0830-2', distanceMeters: 9400, travelMinutes: 62, travelMode: 'ebike' },
      hotline: '12349',
      message: expect.stringContaining('站9，约 9.4 公里，骑电动车约 62 分钟，超出了 15 分钟服务圈'),
    })
    expect(outsideCircleOf({ inCircle: [], nearest: null })?.message).toContain('12349')
  })
})
