import { z } from 'zod'
import { ZPhone, ZPlainText } from './common'
import { ZElderSummary } from './elders'

export const ROLES = ['elder', 'family', 'staff', 'station_admin', 'supervisor'] as const
export const ZRole = z.enum(ROLES)
export type Role = z.infer<typeof ZRole>

export const ROLE_LABELS: Record<Role, string> = {
  elder: '老人',
  family: '家属',
  staff: '驿站服务人员',
  station_admin: '驿站管理员',
  supervisor: '民政监管',
}

export const ZUser = z.object({
  id: z.number().int(),
  role: ZRole,
  name: z.string(),
  /** Masked except on the owner's own /api/me. */
  phone: z.string().nullable(),
  stationId: z.number().int().nullable(),
})
export type User = z.infer<typeof ZUser>

export const ZDevLoginRequest = z.object({ phone: ZPhone })
export const ZWechatLoginRequest = z.object({
  code: z.string({ error: '缺少微信登录凭证 code' }).trim().min(1, { error: '缺少微信登录凭证 code' }).max(128),
})
export const ZLoginResponse = z.object({ token: z.string(), expiresAt: z.string(), user: ZUser })
export type LoginResponse = z.infer<typeof ZLoginResponse>

/** Whom the help bar calls besides 12349 and the station: an elder's bound family, a relative's parents. */
export const ZEmergencyContact = z.object({ name: z.string(), relation: z.string().optional(), phone: z.string() })
export type EmergencyContact = z.infer<typeof ZEmergencyContact>

export const ZMeResponse = z.object({ user: ZUser, elders: z.array(ZElderSummary), emergencyContacts: z.array(ZEmergencyContact) })
export type MeResponse = z.infer<typeof ZMeResponse>

export const ZLogoutResponse = z.object({ ok: z.literal(true) })
export type LogoutResponse = z.infer<typeof ZLogoutResponse>

/** A supervisor (any account) or a station admin (their own station's staff) stops or restores an account. */
export const ZUserAccessRequest = z.object({ reason: ZPlainText(200, '原因').pipe(z.string().min(2, { error: '请写明原因' })) })
export type UserAccessRequest = z.infer<typeof ZUserAccessRequest>
export const ZUserAccess = z.object({ id: z.number().int(), role: ZRole, name: z.string(), stationId: z.number().int().nullable(), disabled: z.boolean() })
export type UserAccess = z.infer<typeof ZUserAccess>
