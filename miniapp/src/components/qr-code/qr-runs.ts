import qrcode from 'qrcode-generator'

/** One row of a QR code as runs of dark modules: [first column, length]. */
export type QrRow = [number, number][]

/**
 * The QR code of `text` as rows of dark runs (error correction M, the smallest version that fits): drawing a run as
 * one block keeps a 29 × 29 code to a few hundred Views, the same on weapp and H5 (no canvas, no image format).
 */
export function qrRuns(text: string): { size: number; rows: QrRow[] } {
  const qr = qrcode(0, 'M')
  qr.addData(text, 'Byte')
  qr.make()
  const size = qr.getModuleCount()
  const rows: QrRow[] = []
  for (let r = 0; r < size; r++) {
    const row: QrRow = []
    let start = -1
    for (let c = 0; c <= size; c++) {
      const dark = c < size && qr.isDark(r, c)
      if (dark && start < 0) start = c
      if (!dark && start >= 0) {
        row.push([start, c - start])
        start = -1
      }
    }
    rows.push(row)
  }
  return { size, rows }
}
