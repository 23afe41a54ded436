import { z } from 'zod'
import { ZBirthDate, ZGeoPoint, ZId as ZIdParam, ZIdCursor, ZPageLimit, ZPhone, ZPlainText } from './common'
import { ZElderStatus, ZTier } from './elders'
import { ZOrderCharge } from './charge'

/** How a bound relative is related to the elder. */
export const FAMILY_RELATIONS = ['子女', '配偶', '孙辈', '其他亲属'] as const
export const ZFamilyRelation = z.enum(FAMILY_RELATIONS, { error: '请选择您和老人的关系：子女、配偶、孙辈或其他亲属' })
export type FamilyRelation = z.infer<typeof ZFamilyRelation>

/** An invitation code: 6 digits, valid this long and for one use. */
export const INVITATION_CODE_DIGITS = 6
/** Digits of codes made while the district sees many failed guesses (100× harder to hit; README, family binding). */
export const INVITATION_CODE_DIGITS_UNDER_ATTACK = 8
export const INVITATION_TTL_HOURS = 24
const ZId = (label: string) => z.number({ error: `${label}应为数字` }).int({ error: `${label}应为整数` }).positive({ error: `${label}应为正整数` })

/** The elder invites for themself (no elderId); staff or a supervisor helping the elder in person name the elder. */
export const ZCreateInvitationRequest = z.object({ elderId: ZId('老人编号').optional() })
export type CreateInvitationRequest = z.infer<typeof ZCreateInvitationRequest>
export const ZInvitation = z.object({
  code: z.string().describe('6 位数字邀请码（猜码的人多时为 8 位），24 小时内有效，只能用一次'),
  expiresAt: z.string(),
  /** What the QR code encodes: the mini-program page that binds with this code. */
  qrPayload: z.string(),
  elder: z.object({ id: z.number().int(), name: z.string() }),
})
export type Invitation = z.infer<typeof ZInvitation>
/** The elder's live code, for the elder themself (no elderId) or staff/a supervisor helping in person. */
export const ZLiveInvitationQuery = z.object({ elderId: ZIdParam.optional() })
export type LiveInvitationQuery = z.infer<typeof ZLiveInvitationQuery>
export const ZLiveInvitationResponse = z.object({
  invitation: ZInvitation.nullable().describe('还能用的邀请码；用过了、过期了或还没生成时为 null'),
  elder: z.object({ id: z.number().int(), name: z.string() }),
})
export type LiveInvitationResponse = z.infer<typeof ZLiveInvitationResponse>

export const ZBindRequest = z.object({
  code: z
    .string({ error: '请输入老人给您的邀请码（6 位或 8 位数字）' })
    .trim()
    .regex(/^(\d{6}|\d{8})$/, { error: '邀请码是 6 位或 8 位数字，请核对' }),
  relation: ZFamilyRelation,
})
export type BindRequest = z.infer<typeof ZBindRequest>

/** The elder's next open visit, for a relative's list of parents. */
export const ZNextVisit = z.object({ orderId: z.number().int(), slotStart: z.string(), serviceName: z.string(), status: z.string() })

/**
 * One binding as either side sees it. The elder sees who can book for them (the relative's phone masked);
 * the relative sees the parent with the next visit.
 */
export const ZBinding = z.object({
  id: z.number().int(),
  elder: z.object({ id: z.number().int(), name: z.string(), status: ZElderStatus }),
  family: z.object({ userId: z.number().int(), name: z.string(), phone: z.string().nullable() }),
  relation: ZFamilyRelation,
  consentedAt: z.string(),
  /** invitation: the elder's code was redeemed; profile: this relative created the profile (confirmed in person). */
  via: z.enum(['invitation', 'profile']),
  nextVisit: ZNextVisit.nullable(),
})
export type Binding = z.infer<typeof ZBinding>
/** Staff and supervisors name the elder whose bindings they look at; the elder and relatives see their own. */
export const ZBindingsQuery = z.object({ elderId: ZIdParam.optional() })
export type BindingsQuery = z.infer<typeof ZBindingsQuery>
export const ZBindingsResponse = z.object({ bindings: z.array(ZBinding) })
export type BindingsResponse = z.infer<typeof ZBindingsResponse>
export const ZRevokeBindingResponse = z.object({ ok: z.literal(true), id: z.number().int() })

/** A relative creates the profile of a parent without WeChat; it stays pending until staff see the elder. */
export const ZCreateElderProfileRequest = z.object({
  name: ZPlainText(32, '老人姓名').pipe(z.string().min(2, { error: '请填写老人的姓名' })),
  birthDate: ZBirthDate,
  phone: ZPhone.optional(),
  address: ZPlainText(200, '住址').pipe(z.string().min(4, { error: '请填写老人的住址（小区、楼栋、门牌）' })),
  /** Chosen on the map or typed; the station's circle is judged from this point. */
  home: ZGeoPoint,
  emergencyContact: z.object({ name: ZPlainText(32, '紧急联系人姓名').pipe(z.string().min(1, { error: '请填写紧急联系人姓名' })), phone: ZPhone }),
  relation: ZFamilyRelation,
})
export type CreateElderProfileRequest = z.infer<typeof ZCreateElderProfileRequest>

/** An elder as staff and supervisors find them: phone masked, with whether the caller's station covers the home. */
export const ZElderListItem = z.object({
  id: z.number().int(),
  name: z.string(),
  status: ZElderStatus,
  tier: ZTier,
  tierVerified: z.boolean(),
  phone: z.string().nullable().describe('遮蔽后的手机号，例如 138****0001'),
  address: z.string(),
  age: z.number().int(),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
})
export type ElderListItem = z.infer<typeof ZElderListItem>
/**
 * Find an elder by name (part of it) or by the phone's last 4 digits; `status=pending` lists profiles to confirm.
 * Newest first, paged with a cursor (the previous `nextCursor`) like every list: nothing is dropped.
 */
export const ZElderSearchQuery = z.object({
  q: ZPlainText(32, '查找内容').optional(),
  status: ZElderStatus.optional(),
  cursor: ZIdCursor.optional().describe('上一页返回的 nextCursor'),
  limit: ZPageLimit.optional(),
})
export type ElderSearchQuery = z.infer<typeof ZElderSearchQuery>
export const ZElderSearchResponse = z.object({
  elders: z.array(ZElderListItem),
  nextCursor: z.string().nullable().describe('下一页的翻页标记；null 表示已经全部列出'),
})
export type ElderSearchResponse = z.infer<typeof ZElderSearchResponse>

/** One completed visit as proof of service: who came, when, how long, what was done, what was charged. */
export const ZVisitRecord = z.object({
  orderId: z.number().int(),
  service: z.object({ id: z.number().int(), name: z.string() }),
  station: z.object({ id: z.number().int(), name: z.string(), phone: z.string() }).nullable(),
  slotStart: z.string(),
  workerName: z.string().nullable(),
  checkInAt: z.string().nullable(),
  checkOutAt: z.string().nullable(),
  servedMinutes: z.number().int().nullable(),
  workNote: z.string().nullable(),
  payableFen: z.number().int(),
  charge: ZOrderCharge.nullable(),
  placedByText: z.string(),
})
export type VisitRecord = z.infer<typeof ZVisitRecord>
/** A month of visits (YYYY-MM, business time); the current month when not given. */
export const ZVisitsQuery = z.object({
  month: z
    .string()
    .regex(/^20\d{2}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 YYYY-MM，例如 2026-11' })
    .optional(),
})
export const ZVisitsResponse = z.object({
  elder: z.object({ id: z.number().int(), name: z.string() }),
  month: z.string(),
  visits: z.array(ZVisitRecord),
  totals: z.object({ visits: z.number().int(), servedMinutes: z.number().int(), chargedFen: z.number().int() }),
})
export type VisitsResponse = z.infer<typeof ZVisitsResponse>
