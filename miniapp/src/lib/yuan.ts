/** "60" / "60.5" / "60.50" → 6050 fen, without floating point; null when it is not an amount of money. */
export function parseYuan(text: string): number | null {
  const m = /^(\d{1,5})(?:\.(\d{1,2}))?$/.exec(text.trim())
  if (!m) return null
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}
