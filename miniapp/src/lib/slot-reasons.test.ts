import { dayReason } from './slot-reasons'

describe('the reason a day has no time left', () => {
  it('says "full" only when the stations are full', () => {
    expect(dayReason([{ status: 'full' }, { status: 'full' }])).toBe('附近驿站都约满了')
    expect(dayReason([{ status: 'past' }, { status: 'past' }])).toBe('时间已过')
    expect(dayReason([{ status: 'past' }, { status: 'full' }, { status: 'closed' }])).toBe('附近驿站都约满了，或时间已过，或附近驿站这个时间不上门')
  })

  it('a day nobody works (or no time at all) says so, never "约满"', () => {
    expect(dayReason([{ status: 'closed' }, { status: 'closed' }])).toBe('附近驿站这天不上门做这项服务')
    expect(dayReason([])).toBe('附近驿站这天不上门做这项服务')
    expect(dayReason([{ status: 'closed' }])).not.toContain('约满')
    expect(dayReason([{ status: 'past' }, { status: 'closed' }])).toBe('时间已过，或附近驿站这个时间不上门')
  })

  it('a day the elder already holds says so first', () => {
    expect(dayReason([{ status: 'held' }, { status: 'past' }])).toBe('您已经预约了，或时间已过')
  })
})
