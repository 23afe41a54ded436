import { useMemo } from 'react'
import { View } from '@tarojs/components'
import { qrRuns } from './qr-runs'
import './index.css'

export interface QrCodeProps {
  text: string
  /** Width of the whole code in px, quiet zone included. */
  sizePx?: number
  /** Read by screen readers instead of the picture. */
  label: string
}

/** A QR code drawn with Views (dark runs on a white square with a 4-module quiet zone). */
export function QrCode({ text, sizePx = 232, label }: QrCodeProps) {
  const { size, rows } = useMemo(() => qrRuns(text), [text])
  const total = size + 8
  const pct = (n: number) => `${((n * 100) / total).toFixed(4)}%`
  return (
    <View className='qr-code' style={{ width: `${sizePx}px`, height: `${sizePx}px` }} role='img' aria-label={label} data-testid='invite-qr' data-modules={size}>
      {rows.map((row, r) =>
        row.map(([c, len]) => (
          <View key={`${r}-${c}`} className='qr-dark' style={{ top: pct(r + 4), left: pct(c + 4), width: pct(len), height: pct(1) }} />
        )),
      )}
    </View>
  )
}

export default QrCode
