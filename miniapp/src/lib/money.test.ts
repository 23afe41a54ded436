import { fenToYuanText, yuanToFen } from './money'

describe('yuanToFen', () => {
  it('reads whole yuan, jiao and fen without floating point', () => {
    expect(yuanToFen('12')).toBe(1200)
    expect(yuanToFen('12.5')).toBe(1250)
    expect(yuanToFen('0.29')).toBe(29)
    expect(yuanToFen(' ¥30.10 ')).toBe(3010)
    expect(yuanToFen('8元')).toBe(800)
    // 0.1 + 0.2 in floating point is 0.30000000000000004: read as digits it is exactly 30 fen.
    expect(yuanToFen('0.3')).toBe(30)
    expect(yuanToFen('19.99')).toBe(1999)
  })

  it('reads what a Chinese keyboard types: full-width digits and point', () => {
    expect(yuanToFen('１２．５')).toBe(1250)
    expect(yuanToFen('12。5')).toBe(1250)
  })

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '-5', '1.234', '1,000', '12..5', '12.', '.5']) expect(yuanToFen(bad)).toBeNull()
  })
})

describe('fenToYuanText', () => {
  it('starts an editing field with whole yuan plain and cents kept', () => {
    expect(fenToYuanText(4000)).toBe('40')
    expect(fenToYuanText(1250)).toBe('12.50')
    expect(fenToYuanText(5)).toBe('0.05')
    expect(fenToYuanText(0)).toBe('0')
  })

  it('round-trips every amount up to ¥10,000 exactly', () => {
    for (let fen = 0; fen <= 1_000_000; fen += 997) expect(yuanToFen(fenToYuanText(fen))).toBe(fen)
  })
})
