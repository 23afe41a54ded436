import { yuanToFen } from './money'

describe('yuanToFen', () => {
  it('reads whole yuan, jiao and fen without floating point', () => {
    expect(yuanToFen('12')).toBe(1200)
    expect(yuanToFen('12.5')).toBe(1250)
    expect(yuanToFen('0.29')).toBe(29)
    expect(yuanToFen(' ¥30.10 ')).toBe(3010)
    expect(yuanToFen('8元')).toBe(800)
  })

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '-5', '1.234', '1,000', '12..5']) expect(yuanToFen(bad)).toBeNull()
  })
})
