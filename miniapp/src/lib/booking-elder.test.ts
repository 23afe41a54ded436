import type { ElderSummary } from '@carecircle/shared'
import { defaultElderId, getLastElderId, saveLastElderId } from './booking-elder'

const elder = (id: number, status: ElderSummary['status'] = 'active'): ElderSummary => ({
  id, name: `老人${id}`, status, tier: 'paid', tierVerified: false, home: { lat: 28.88, lng: 105.44, address: '江阳区' },
})

describe('为谁预约 default', () => {
  it('takes the only bookable elder, even when another profile is still pending', () => {
    expect(defaultElderId([elder(1)], null)).toBe(1)
    expect(defaultElderId([elder(1), elder(2, 'pending')], 2)).toBe(1)
  })

  it('with several parents, starts on the one booked for last time, if still bound', () => {
    expect(defaultElderId([elder(1), elder(2)], 2)).toBe(2)
    expect(defaultElderId([elder(1), elder(2)], 9)).toBeNull()
    expect(defaultElderId([elder(1), elder(2)], null)).toBeNull()
  })

  it('never starts on a pending profile', () => {
    expect(defaultElderId([elder(1, 'pending')], 1)).toBeNull()
  })

  it('remembers the last one in storage', () => {
    saveLastElderId(5)
    expect(getLastElderId()).toBe(5)
  })
})
