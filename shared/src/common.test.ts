import { ZPlainText } from './common'
import fc from 'fast-check'
import { ZId, ZInstant, ZLatParam, ZLngParam, ZPhone, businessDate, businessYear, businessDayStart, formatYuan, maskPhone, toBusinessIso } from './common'

describe('maskPhone', () => {
  it.each([
    ['13800000001', '138****0001'],
    ['13912345678', '139****5678'],
    ['1234567', '123****4567'],
    ['12345', '****'],
    ['', null],
    [null, null],
    [undefined, null],
  ])('%j → %j', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked)
  })

  it('never lets the middle four digits of a mobile number through', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (phone) => {
        const masked = maskPhone(phone)!
        expect(masked).toHaveLength(11)
        expect(masked.slice(3, 7)).toBe('****')
        expect(masked.replace('****', phone.slice(3, 7))).toBe(phone)
      }),
    )
  })
})

describe('formatYuan', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [50, '0.50'],
    [100, '1.00'],
    [1250, '12.50'],
    [123456, '1234.56'],
    [-150, '-1.50'],
  ])('%i fen → ¥%s', (fen, yuan) => {
    expect(formatYuan(fen)).toBe(yuan)
  })

  it('is exact for every integer amount: reading it back gives the same fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (fen) => {
        const text = formatYuan(fen)
        expect(text).toMatch(/^-?\d+\.\d{2}$/)
        const [yuan, cents] = text.replace('-', '').split('.')
        expect((fen < 0 ? -1 : 1) * (Number(yuan) * 100 + Number(cents))).toBe(fen)
      }),
    )
  })
})

describe('business time (Asia/Shanghai, UTC+8 all year)', () => {
  it.each([
    ['2025-12-31T16:00:00Z', '2026-01-01T00:00:00+08:00', '2026-01-01'],
    ['2026-11-22T16:30:00Z', '2026-11-23T00:30:00+08:00', '2026-11-23'],
    ['2026-11-23T15:59:59.999Z', '2026-11-23T23:59:59+08:00', '2026-11-23'],
    ['2024-02-28T20:00:00Z', '2024-02-29T04:00:00+08:00', '2024-02-29'],
  ])('%s is %s, business day %s', (utc, iso, day) => {
    expect(toBusinessIso(new Date(utc))).toBe(iso)
    expect(businessDate(new Date(utc))).toBe(day)
  })

  it('businessDayStart is that day’s midnight in Shanghai', () => {
    expect(businessDayStart('2026-11-23').toISOString()).toBe('2026-11-22T16:00:00.000Z')
  })

  const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })

  it('toBusinessIso names the same instant (to the second)', () => {
    fc.assert(
      fc.property(instant, (d) => {
        const iso = toBusinessIso(d)
        expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/)
        expect(new Date(iso).getTime()).toBe(Math.floor(d.getTime() / 1000) * 1000)
      }),
    )
  })

  it('every instant lies in its business day: [dayStart, dayStart + 24 h)', () => {
    fc.assert(
      fc.property(instant, (d) => {
        const start = businessDayStart(businessDate(d)).getTime()
        expect(d.getTime()).toBeGreaterThanOrEqual(start)
        expect(d.getTime()).toBeLessThan(start + 24 * 3600_000)
      }),
    )
  })
})

describe('ZInstant: the one schema for every instant the API takes', () => {
  const schema = ZInstant('生效时间')
  it.each(['2000-01-01T00:00:00+08:00', '1999-12-31T16:00:00Z', '2099-12-31T23:59:59.999+08:00', '2099-12-31T15:59:59Z', '2026-12-01T09:00:00-12:00'])('%s is in 2000–2099 in Shanghai', (s) => {
    expect(schema.safeParse(s).success).toBe(true)
  })
  it.each(['9999-12-31T23:59:59-12:00', '9999-12-31T16:00:00Z', '2099-12-31T16:00:00Z', '1999-12-31T15:59:59.999Z', '0000-01-01T00:00:00+08:00', '2000-01-01T00:00:00+14:00'])('%s is outside it, said in Chinese with the years', (s) => {
    const r = schema.safeParse(s)
    expect(r.success).toBe(false)
    expect(r.error!.issues[0]!.message).toBe('生效时间应在 2000 年到 2099 年之间（北京时间），请重新选择')
  })
  it.each(['2026-12-01T09:00:00', '2026-02-30T09:00:00+08:00', '2026-12-01', '明天'])('%s is not an instant with its offset', (s) => {
    expect(schema.safeParse(s).error!.issues[0]!.message).toMatch(/^生效时间格式应为/)
  })
  it('businessYear reads five-digit years whole', () => {
    expect(businessYear(new Date('9999-12-31T16:00:00Z'))).toBe(10000)
  })
})

describe('ZId', () => {
  it.each([['1', 1], ['42', 42], ['9007199254740991', Number.MAX_SAFE_INTEGER]])('%j → %d', (raw, id) => {
    expect(ZId.parse(raw)).toBe(id)
  })

  it.each(['0', '01', '-1', '1.5', '1e3', 'x;drop', ' 1', '', '10000000000000000'])('%j is refused', (raw) => {
    const r = ZId.safeParse(raw)
    expect(r.success).toBe(false)
    expect(r.error?.issues[0].message).toBe('编号应为正整数')
  })

  it('a missing id says so in Chinese', () => {
    expect(ZId.safeParse(undefined).error?.issues[0].message).toBe('编号不能为空')
  })
})

describe('ZLatParam / ZLngParam', () => {
  it.each([
    ['28.8776', 28.8776],
    [' 28.8 ', 28.8],
    ['-90', -90],
    ['90', 90],
    ['0', 0],
  ])('lat %j → %d', (raw, lat) => {
    expect(ZLatParam.parse(raw)).toBe(lat)
  })

  it.each([
    [undefined, '缺少纬度 lat'],
    ['', '缺少纬度 lat'],
    ['  ', '缺少纬度 lat'],
    ['abc', '纬度 lat应为数字'],
    ['1e1', '纬度 lat应为数字'],
    ['NaN', '纬度 lat应为数字'],
    ['28.', '纬度 lat应为数字'],
    ['90.0001', '纬度 lat应在 -90 到 90 之间'],
    ['-95', '纬度 lat应在 -90 到 90 之间'],
  ])('lat %j → "%s"', (raw, message) => {
    const r = ZLatParam.safeParse(raw)
    expect(r.success).toBe(false)
    expect(r.error?.issues[0].message).toBe(message)
  })

  it.each([['-180', true], ['180', true], ['180.5', false], ['-200', false]])('lng %j accepted? %s', (raw, ok) => {
    expect(ZLngParam.safeParse(raw).success).toBe(ok)
  })

  it('every in-range decimal written the usual way is accepted as that number', () => {
    fc.assert(
      fc.property(fc.double({ min: -90, max: 90, noNaN: true }), (lat) => {
        const raw = lat.toFixed(6)
        expect(ZLatParam.parse(raw)).toBe(Number(raw))
      }),
    )
  })
})

describe('ZPhone', () => {
  it.each([['13800000001', true], [' 13800000001 ', true], ['12800000001', false], ['1380000000', false], ['138000000011', false], ['+8613800000001', false]])('%j valid? %s', (raw, ok) => {
    expect(ZPhone.safeParse(raw).success).toBe(ok)
  })
})

describe('ZPlainText: free text without control or direction-changing characters', () => {
  const note = ZPlainText(20, '备注')

  it('strips NUL and other C0/C1 controls, turning line breaks and tabs into spaces', () => {
    expect(note.parse('请\u0000敲门\u0007')).toBe('请敲门')
    expect(note.parse('第一行\n第二行\t完')).toBe('第一行 第二行 完')
    expect(note.parse('a\u0085b\u009Fc')).toBe('abc')
  })

  it('strips bidi overrides, isolates and marks, and zero-width characters', () => {
    expect(note.parse('订单\u202E123\u202C')).toBe('订单123')
    expect(note.parse('\u2066x\u2069\u200Ey\u200Fz\u061C')).toBe('xyz')
    expect(note.parse('a\u200Bb\uFEFFc\u2060d')).toBe('abcd')
  })

  it('keeps ordinary text and emoji (joiners inside emoji stay), trims, and counts length after cleaning', () => {
    expect(note.parse('  请按门铃 👨‍👩‍👧  ')).toBe('请按门铃 👨‍👩‍👧')
    expect(note.parse('\u0000'.repeat(50) + '好')).toBe('好')
    expect(note.safeParse('长'.repeat(21)).error?.issues[0]?.message).toBe('备注最多 20 字')
  })
})
