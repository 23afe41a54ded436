import { ZCreateElderProfileRequest, type CreateElderProfileRequest, type FamilyRelation } from '@carecircle/shared'

export interface ProfileForm {
  name: string
  birthDate: string
  phone: string
  address: string
  /** Chosen on the map, or typed as two numbers. */
  lat: string
  lng: string
  emergencyName: string
  emergencyPhone: string
  relation: FamilyRelation | null
}

export const EMPTY_PROFILE: ProfileForm = {
  name: '', birthDate: '', phone: '', address: '', lat: '', lng: '', emergencyName: '', emergencyPhone: '', relation: null,
}

/** "1950年3月5日", "1950/3/5", "1950.3.5" or "19500305" → "1950-03-05"; anything else is left for the schema to refuse. */
export function normalizeDate(text: string): string {
  const t = text.trim()
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t)
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : t
}

const LABELS: Record<string, string> = {
  name: '老人姓名', birthDate: '出生日期', phone: '老人手机号', address: '住址', home: '家的位置',
  emergencyContact: '紧急联系人', relation: '关系',
}

/** The request to send, or the first problem in words ("出生日期：…") so the person knows which field to fix. */
export function buildProfile(f: ProfileForm): { body: CreateElderProfileRequest } | { problem: string } {
  if (f.lat.trim() === '' || f.lng.trim() === '') return { problem: '家的位置：请在地图上选一下老人家的位置，或填上纬度和经度。' }
  const lat = Number(f.lat)
  const lng = Number(f.lng)
  const parsed = ZCreateElderProfileRequest.safeParse({
    name: f.name,
    birthDate: normalizeDate(f.birthDate),
    phone: f.phone.trim() === '' ? undefined : f.phone,
    address: f.address,
    home: { lat, lng },
    emergencyContact: { name: f.emergencyName, phone: f.emergencyPhone },
    relation: f.relation ?? undefined,
  })
  if (parsed.success) return { body: parsed.data }
  const issue = parsed.error.issues[0]
  const key = String(issue.path[0] ?? '')
  if (key === 'birthDate') return { problem: '出生日期：请按“1950-03-05”或“1950年3月5日”这样填写年、月、日。' }
  if (key === 'home') return { problem: '家的位置：纬度应在 -90 到 90 之间，经度应在 -180 到 180 之间，例如 28.88 和 105.44。' }
  const who = key === 'emergencyContact' ? `${LABELS[key]}${issue.path[1] === 'phone' ? '手机号' : '姓名'}` : LABELS[key] ?? '资料'
  return { problem: `${who}：${issue.message}` }
}
