import { z } from 'zod'

/** The national elderly-care hotline, shown on every resident screen and price board. */
export const HOTLINE = '12349'
/** Business time zone: all dates a person sees are in this zone; the database stores UTC. */
export const BUSINESS_TZ = 'Asia/Shanghai'
export const BUSINESS_UTC_OFFSET_MINUTES = 8 * 60

/** Stable machine codes of every error the API can return. Clients switch on these, never on messages. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'BODY_ENCODING_INVALID',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'TOKEN_EXPIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'ACCOUNT_NOT_FOUND',
  'DEV_LOGIN_DISABLED',
  'WECHAT_CODE_INVALID',
  'WECHAT_UNAVAILABLE',
  'WECHAT_NOT_CONFIGURED',
  'DB_UNAVAILABLE',
  'RATE_LIMITED',
  'NO_PRICE_PUBLISHED',
  'NO_STATION_IN_CIRCLE',
  'SERVICE_NOT_OFFERED',
  'SLOT_NOT_BOOKABLE',
  'SLOT_FULL',
  'IDEMPOTENCY_KEY_MISSING',
  'IDEMPOTENCY_KEY_IN_USE',
  'IDEMPOTENCY_KEY_REUSED',
  'ILLEGAL_TRANSITION',
  'ALREADY_BOOKED',
  'ELDER_NOT_FOUND',
  'COMPLAINT_ALREADY_OPEN',
  'TOO_MANY_PHOTOS',
  'UNSUPPORTED_MEDIA_TYPE',
  'PHOTO_UNREADABLE',
  'CURSOR_INVALID',
  'VISIT_OVERLAPS',
  'CHECK_IN_NOT_OPEN',
  'CHECK_IN_CLOSED',
  'CHECK_OUT_NEEDS_CONFIRMATION',
  'ELDER_PENDING',
  'VISIT_NOT_COMPLETED',
  'INVITATION_INVALID',
  'ALREADY_BOUND',
  'PRICE_OUT_OF_RANGE',
  'PRICE_TIERS_OUT_OF_ORDER',
  'DUPLICATE_SERVICE',
  'EFFECTIVE_TIME_PAST',
  'PRICE_VERSION_PUBLISHED',
  'WAITING_VERSIONS',
  'CARE_PLAN_EXISTS',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export const ZErrorResponse = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string().describe('给用户看的中文说明'),
    details: z.record(z.string(), z.unknown()).optional().describe('可选的补充信息，如最近的驿站和热线'),
  }),
})
export type ErrorResponse = z.infer<typeof ZErrorResponse>

/** A database id in a path or query: digits only, so "x;drop" is a clear 400 and never reaches SQL. */
export const ZId = z
  .string({ error: '编号不能为空' })
  .regex(/^[1-9]\d{0,15}$/, { error: '编号应为正整数' })
  .transform(Number)
  .refine(Number.isSafeInteger, { error: '编号应为正整数' })
export const ZIdParams = z.object({ id: ZId })

/** Keyset paging by id (newest first): the previous page's `nextCursor`, and the page size 1–100. */
export const ZIdCursor = z.string().regex(/^[1-9]\d{0,15}$/, { error: '翻页标记不正确，请从第一页重新加载' }).transform(Number)
export const ZPageLimit = z.string().regex(/^\d{1,3}$/, { error: '每页条数应为 1 到 100' }).transform(Number).refine((n) => n >= 1 && n <= 100, { error: '每页条数应为 1 到 100' })

/** A required numeric query parameter; an empty string is "missing", not zero. */
const numericParam = (label: string, min: number, max: number) =>
  z
    .string({ error: `缺少${label}` })
    .trim()
    .min(1, { error: `缺少${label}` })
    .regex(/^-?\d+(\.\d+)?$/, { error: `${label}应为数字` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error: `${label}应在 ${min} 到 ${max} 之间` })

export const ZLatParam = numericParam('纬度 lat', -90, 90)
export const ZLngParam = numericParam('经度 lng', -180, 180)

export const ZGeoPoint = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
})
export type GeoPoint = z.infer<typeof ZGeoPoint>

/** Mainland mobile number. */
export const ZPhone = z.string({ error: '请填写手机号' }).trim().regex(/^1[3-9]\d{9}$/, { error: '手机号应为 11 位数字' })

/**
 * Characters free text may not carry: C0/C1 controls (NUL, escapes…), bidi overrides, embeddings, isolates and
 * marks (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C: they make "123" read as "321" on a screen or a
 * printout), and invisible zero-width characters (U+200B, U+200C, U+2060–U+2064, U+FEFF). The zero-width
 * joiner U+200D stays: emoji such as 👨‍👩‍👧 are built with it.
 */
const UNSAFE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g
const LINE_BREAKS = /[\t\n\r]+/g

/** Free text a person types (notes, reasons, names): cleaned of control and direction characters, trimmed, at most `max` characters. */
export const ZPlainText = (max: number, label: string) =>
  z
    .string({ error: `${label}应为文字` })
    .overwrite((s) => s.replace(LINE_BREAKS, ' ').replace(UNSAFE_TEXT, ''))
    .trim()
    .max(max, { error: `${label}最多 ${max} 字` })

/** Money is integer fen (分), never floats. */
export const ZFen = z.number().int().min(0)

/** 13800000001 → 138****0001: phones outside their owner's own screens are always masked. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****'
}

/** 1250 → "12.50"; formatting only, never arithmetic. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** 90 → "1 小时 30 分钟"; 45 → "45 分钟". Said the same way by the server's explanations and the mini-program. */
export function minutesText(minutes: number): string {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (!h) return `${m} 分钟`
  return m ? `${h} 小时 ${m} 分钟` : `${h} 小时`
}

const two = (n: number) => String(n).padStart(2, '0')

/** An instant as ISO 8601 in business time: 2026-01-01T00:00:00+08:00. */
export function toBusinessIso(d: Date): string {
  const local = new Date(d.getTime() + BUSINESS_UTC_OFFSET_MINUTES * 60_000)
  return `${local.getUTCFullYear()}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}T${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}+08:00`
}

/** An instant as people read it in business time: "12月3日 08:00". */
export function formatBusinessDateTime(d: Date): string {
  const iso = toBusinessIso(d)
  return `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 ${iso.slice(11, 16)}`
}

/** The business calendar day (Asia/Shanghai) of an instant: 2026-11-23. */
export function businessDate(d: Date): string {
  return toBusinessIso(d).slice(0, 10)
}

/** Midnight of a business day as an instant. */
export function businessDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`)
}

/** Years a visit, a price or a report can fall in: rejects 0000-01-01, which is a valid ISO date but no one's appointment. */
export const SENSIBLE_YEARS = { from: 2000, to: 2099 } as const
const inSensibleYears = (year: number) => year >= SENSIBLE_YEARS.from && year <= SENSIBLE_YEARS.to

/** A YYYY-MM-DD or YYYY-MM string whose year is a sensible one. */
export const sensibleYear = (s: string) => inSensibleYears(Number(s.slice(0, 4)))

/** The calendar year of an instant in business time (10000 for 9999-12-31T16:00:00Z, not "1000"). */
export function businessYear(d: Date): number {
  return new Date(d.getTime() + BUSINESS_UTC_OFFSET_MINUTES * 60_000).getUTCFullYear()
}

/**
 * The one schema for an instant the API takes (a slot, an effective time, an expiry): ISO 8601 with its offset, a real
 * calendar time (no 2026-02-30, no 24:00), in a sensible year as read in business time — so 2099-12-31T16:00:00Z
 * (2100 in Shanghai) is refused as well as 0000-01-01, and the database never sees a value it cannot store.
 */
export const ZInstant = (label: string) =>
  z.iso
    .datetime({ offset: true, error: `${label}格式应为带时区的 ISO 8601，例如 2026-12-01T09:00:00+08:00` })
    .refine((s) => inSensibleYears(businessYear(new Date(s))), { error: `${label}应在 ${SENSIBLE_YEARS.from} 年到 ${SENSIBLE_YEARS.to} 年之间（北京时间），请重新选择` })

/** A real local calendar day in Asia/Shanghai: 2026-02-30 or 2026-13-01 is a 400, never another day or a 500. */
export const ZLocalDate = z
  .string({ error: '缺少日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })
  .pipe(z.iso.date({ error: '没有这一天，请检查日期' }))
  .refine(sensibleYear, { error: '日期不正确，请重新选择' })

/** A birth date: a real calendar day from 1900 on (ZLocalDate's years are those of bookings); not in the future is checked with the clock. */
export const ZBirthDate = z
  .string({ error: '请填写出生日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '出生日期格式应为 YYYY-MM-DD，例如 1944-03-15' })
  .pipe(z.iso.date({ error: '没有这一天，请检查出生日期' }))
  .refine((s) => s >= '1900-01-01' && s <= '2099-12-31', { error: '出生日期不正确，请重新选择' })
