import { slotsForDay, ruleForSlot, isBookableTime, localMinuteOfDay } from './slot-times'

const visits = { stationId: 1, openMinute: 480, closeMinute: 1080, slotMinutes: 60, capacity: 2 }
const lunch = { stationId: 1, openMinute: 660, closeMinute: 720, slotMinutes: 60, capacity: 20 }

describe('slot times', () => {
  it('opens hourly slots within opening hours, in business time', () => {
    const slots = slotsForDay([visits], '2026-11-24')
    expect(slots).toHaveLength(10)
    expect(slots[0].start.toISOString()).toBe('2026-11-24T00:00:00.000Z') // 08:00 in Shanghai
    expect(slots[9].end.toISOString()).toBe('2026-11-24T10:00:00.000Z') // 18:00
  })

  it('meal rules give one lunch slot', () => {
    expect(slotsForDay([lunch], '2026-11-24').map((s) => s.capacity)).toEqual([20])
  })

  it('accepts only slot starts on the grid within opening hours', () => {
    expect(ruleForSlot([visits], new Date('2026-11-24T09:00:00+08:00'))).toBe(visits)
    expect(ruleForSlot([visits], new Date('2026-11-24T09:30:00+08:00'))).toBeNull()
    expect(ruleForSlot([visits], new Date('2026-11-24T18:00:00+08:00'))).toBeNull()
    expect(ruleForSlot([visits], new Date('2026-11-24T07:00:00+08:00'))).toBeNull()
    expect(ruleForSlot([lunch], new Date('2026-11-24T11:00:00+08:00'))).toBe(lunch)
  })

  it('local minute of day wraps correctly across UTC midnight', () => {
    expect(localMinuteOfDay(new Date('2026-11-23T16:00:00Z'))).toBe(0)
    expect(localMinuteOfDay(new Date('2026-11-23T15:59:00Z'))).toBe(1439)
  })

  it('needs half an hour of notice and at most 14 days ahead', () => {
    const now = new Date('2026-11-23T09:00:00+08:00')
    expect(isBookableTime(new Date('2026-11-23T09:00:00+08:00'), now)).toBe(false)
    expect(isBookableTime(new Date('2026-11-23T10:00:00+08:00'), now)).toBe(true)
    expect(isBookableTime(new Date('2026-12-08T10:00:00+08:00'), now)).toBe(false)
  })
})
