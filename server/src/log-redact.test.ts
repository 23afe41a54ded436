import { safeError, scrubText } from './log-redact'

describe('scrubText', () => {
  it('removes phone-like digit runs, quoted values and drizzle params lines, keeping stack positions', () => {
    expect(scrubText('Failed query: select 1 where phone = ?\nparams: 13800000001,1\n    at f (/a/b.ts:79:11)')).toBe(
      'Failed query: select 1 where phone = ?\nparams: [redacted]\n    at f (/a/b.ts:79:11)',
    )
    expect(scrubText("Duplicate entry '13800000001' for key 'users_phone_uq'")).toBe("Duplicate entry '[redacted]' for key '[redacted]'")
    expect(scrubText('call +86 138-0000-0001 or 0830-3101001')).toBe('call [redacted] or [redacted]')
    expect(scrubText('connect ECONNREFUSED 127.0.0.1:3306')).toBe('connect ECONNREFUSED 127.0.0.1:3306')
  })
})

describe('safeError', () => {
  it('keeps only name, code, errno, sqlState, message, stack and cause', () => {
    const err = Object.assign(new Error('boom'), { code: 'ER_DUP_ENTRY', errno: 1062, sqlState: '23000', sql: 'x', parameters: ['13800000001'], values: [1] })
    expect(Object.keys(safeError(err)).sort()).toEqual(['code', 'errno', 'message', 'name', 'sqlState', 'stack'])
    expect(safeError('13800000001 failed')).toEqual({ message: '[redacted] failed' })
  })
})
