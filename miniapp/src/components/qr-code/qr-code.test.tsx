import { render, screen } from '@testing-library/react'
import qrcode from 'qrcode-generator'
import { qrRuns } from './qr-runs'
import { QrCode } from './index'

const PAYLOAD = 'pages/family/bind/index?code=123456'

describe('QR code', () => {
  it('draws exactly the dark modules of the code, as runs', () => {
    const { size, rows } = qrRuns(PAYLOAD)
    const qr = qrcode(0, 'M')
    qr.addData(PAYLOAD, 'Byte')
    qr.make()
    expect(size).toBe(qr.getModuleCount())
    for (let r = 0; r < size; r++) {
      const dark = new Set(rows[r].flatMap(([c, len]) => Array.from({ length: len }, (_, i) => c + i)))
      for (let c = 0; c < size; c++) expect(dark.has(c)).toBe(qr.isDark(r, c))
    }
    // The top-left finder pattern: a solid 7-module bar on the first row.
    expect(rows[0][0]).toEqual([0, 7])
  })

  it('renders one block per run inside a labelled picture', () => {
    const { rows } = qrRuns(PAYLOAD)
    render(<QrCode text={PAYLOAD} label='邀请码二维码' />)
    const pic = screen.getByRole('img', { name: '邀请码二维码' })
    expect(pic.querySelectorAll('.qr-dark')).toHaveLength(rows.flat().length)
  })
})
