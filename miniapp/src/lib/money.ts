/**
 * "12" / "12.5" / "¥12.50" → 1250 fen, read digit by digit (no floating point: 0.1 + 0.2 must not become
 * 30.000000000000004 fen). Null when it is not an amount of yuan with at most two decimals.
 */
export function yuanToFen(text: string): number | null {
  // A Chinese keyboard may type full-width digits and point (１２．５).
  const plain = text.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)).replace(/．/g, '.')
  const m = /^\s*[¥￥]?\s*(\d{1,7})(?:[.。](\d{1,2}))?\s*(元)?\s*$/.exec(plain)
  if (!m) return null
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}

/** 4000 → "40", 1250 → "12.50", 5 → "0.05": what an editing field starts with (whole yuan without ".00"). */
export function fenToYuanText(fen: number): string {
  const abs = Math.abs(fen)
  const yuan = `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}`
  return abs % 100 === 0 ? yuan : `${yuan}.${String(abs % 100).padStart(2, '0')}`
}
