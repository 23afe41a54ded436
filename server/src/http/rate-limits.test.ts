import { comeBackIn } from './rate-limits'

const AT = (iso: string) => new Date(iso)
const MIN = 60_000

describe('comeBackIn: when to try again, as a person says it', () => {
  it('minutes up to an hour, then hours the same day, then tomorrow — never seconds', () => {
    const noon = AT('2026-12-06T12:00:00+08:00')
    expect(comeBackIn(5_000, noon)).toBe('请过一分钟再试')
    expect(comeBackIn(60_000, noon)).toBe('请过一分钟再试')
    expect(comeBackIn(14 * MIN + 1, noon)).toBe('请过 15 分钟再试')
    expect(comeBackIn(60 * MIN, noon)).toBe('请过 1 小时再试')
    expect(comeBackIn(150 * MIN, noon)).toBe('请过 3 小时再试')
    expect(comeBackIn(13 * 60 * MIN, noon)).toBe('请明天再试')
    expect(comeBackIn(2 * 60 * MIN, AT('2026-12-06T23:00:00+08:00'))).toBe('请明天再试')
    for (const ms of [1, 59_000, 3_599_000, 86_399_000]) expect(comeBackIn(ms, noon)).not.toMatch(/秒/)
  })
})
