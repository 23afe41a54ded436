import { businessMonth, cleanCode, codeFromScan, expiryText, monthLabel, spokenDigits } from './family-words'

// 2026-11-23 10:00 in Shanghai.
const NOW = Date.parse('2026-11-23T10:00:00+08:00')

describe('invitation words', () => {
  it('says until when a code works, in today/tomorrow words, and that it is for one use', () => {
    expect(expiryText('2026-11-24T10:00:00+08:00', NOW)).toBe('明天 10:00 前有效，只能用一次')
    expect(expiryText('2026-11-23T22:30:00+08:00', NOW)).toBe('今天 22:30 前有效，只能用一次')
    expect(expiryText('2026-11-23T09:00:00+08:00', NOW)).toBe('已经过期，请重新生成')
    expect(expiryText('2026-11-26T08:00:00+08:00', NOW)).toBe('11月26日 周四 08:00 前有效，只能用一次')
  })

  it('reads the code from the QR payload (the bind page path) or a bare 6- or 8-digit code, and nothing else', () => {
    expect(codeFromScan('pages/family/bind/index?code=123456')).toBe('123456')
    expect(codeFromScan('/pages/family/bind/index?x=1&code=012345&y=2')).toBe('012345')
    expect(codeFromScan(' 654321 ')).toBe('654321')
    expect(codeFromScan('pages/family/bind/index?code=87654321')).toBe('87654321')
    expect(codeFromScan('pages/family/bind/index?code=12345')).toBeNull()
    expect(codeFromScan('https://example.com/?code=1234567')).toBeNull()
  })

  it('keeps only digits of what was typed or pasted, at most eight', () => {
    expect(cleanCode('邀请码：123 456')).toBe('123456')
    expect(cleanCode('1234 5678 9')).toBe('12345678')
    expect(spokenDigits('012345')).toBe('0 1 2 3 4 5')
  })

  it('names this month and last month, across a year end', () => {
    expect(businessMonth(0, NOW)).toBe('2026-11')
    expect(businessMonth(-1, NOW)).toBe('2026-10')
    const jan = Date.parse('2027-01-05T09:00:00+08:00')
    expect(businessMonth(-1, jan)).toBe('2026-12')
    expect(monthLabel('2026-12', jan)).toBe('2026年12月')
    expect(monthLabel('2027-01', jan)).toBe('1月')
  })
})
