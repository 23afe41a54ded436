import { parseYuan } from './yuan'

describe('parseYuan', () => {
  it('reads yuan as typed into whole fen', () => {
    expect(parseYuan('60')).toBe(6000)
    expect(parseYuan(' 60.5 ')).toBe(6050)
    expect(parseYuan('0.07')).toBe(7)
    expect(parseYuan('0')).toBe(0)
  })
  it('refuses what is not an amount', () => {
    for (const bad of ['', '-1', '1.234', 'abc', '1e3', '123456', '.5']) expect(parseYuan(bad)).toBeNull()
  })
})
