/**
 * "12" / "12.5" / "¥12.50" → 1250 fen, read digit by digit (no floating point: 0.1 + 0.2 must not become
 * 30.000000000000004 fen). Null when it is not an amount of yuan with at most two decimals.
 */
export function yuanToFen(text: string): number | null {
  const m = /^\s*[¥￥]?\s*(\d{1,7})(?:[.。](\d{1,2}))?\s*(元)?\s*$/.exec(text)
  if (!m) return null
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}
