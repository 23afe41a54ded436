import { decodeOrderCursor, encodeOrderCursor } from './order-cursor'

describe('the order list cursor', () => {
  it('round-trips', () => {
    const c = { order: 'desc' as const, slotStartMs: 1_795_000_000_000, id: 4711 }
    expect(decodeOrderCursor(encodeOrderCursor(c), 'desc')).toEqual(c)
  })

  it.each(['', 'not a cursor!', 'eyJ4IjoxfQ', Buffer.from('v1:asc:abc:1').toString('base64url'), Buffer.from('v1:asc:1:0').toString('base64url'), 'x'.repeat(300)])(
    'refuses %p with CURSOR_INVALID',
    (raw) => {
      expect(() => decodeOrderCursor(raw, 'asc')).toThrow(expect.objectContaining({ status: 400, code: 'CURSOR_INVALID' }))
    },
  )

  it('refuses a cursor of the other list order (the filter changed between pages)', () => {
    const raw = encodeOrderCursor({ order: 'asc', slotStartMs: 1, id: 1 })
    expect(() => decodeOrderCursor(raw, 'desc')).toThrow(expect.objectContaining({ code: 'CURSOR_INVALID' }))
  })
})
