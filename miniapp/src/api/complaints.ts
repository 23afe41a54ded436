import Taro from '@tarojs/taro'
import { z } from 'zod'
import {
  ZComplaint, ZComplaintsResponse, ZErrorResponse, ZNotificationsResponse,
  type ComplaintAction, type ComplaintCategory, type ComplaintStatus, type ComplaintStepBody, type CreateComplaintRequest,
} from '@carecircle/shared'
import { request } from './http'
import { ApiError, MESSAGES } from './errors'
import { getToken } from '../auth/session'

/** Filters of the complaint lists; the server decides what each role may see. */
export interface ComplaintFilters {
  status?: ComplaintStatus
  category?: ComplaintCategory
  stationId?: number
  overdue?: boolean
  cursor?: string
  limit?: number
}

export const createComplaint = (body: CreateComplaintRequest) => request(ZComplaint, 'POST', '/api/complaints', body)
export const fetchComplaint = (id: number | string) => request(ZComplaint, 'GET', `/api/complaints/${encodeURIComponent(String(id))}`)
export const fetchComplaints = (f: ComplaintFilters = {}) =>
  request(ZComplaintsResponse, 'GET', '/api/complaints', undefined, {
    query: { ...f, overdue: f.overdue === undefined ? undefined : String(f.overdue) },
  })
export const complaintStep = (id: number, action: ComplaintAction, body: ComplaintStepBody = {}) =>
  request(ZComplaint, 'POST', `/api/complaints/${id}/${action}`, body)

const ZUnread = z.object({ unreadCount: z.number().int() })
export const fetchNotifications = (cursor?: string, limit?: number) =>
  request(ZNotificationsResponse, 'GET', '/api/notifications', undefined, { query: { cursor, limit } })
export const markNotificationRead = (id: number) => request(ZUnread, 'POST', `/api/notifications/${id}/read`)
export const markAllNotificationsRead = () => request(ZUnread, 'POST', '/api/notifications/read-all')

/**
 * One photo of a complaint (multipart field `photo`), after the complaint exists. Taro.uploadFile, not
 * request: the file goes from the phone's temporary path, and on H5 from the blob URL chooseMedia gave.
 */
export async function uploadComplaintPhoto(complaintId: number, filePath: string): Promise<void> {
  const token = getToken()
  let res: { statusCode: number; data: unknown }
  try {
    res = await Taro.uploadFile({
      url: `${API_BASE}/api/complaints/${complaintId}/photos`,
      filePath,
      name: 'photo',
      header: token ? { Authorization: `Bearer ${token}` } : {},
    })
  } catch {
    throw new ApiError('NETWORK', '照片没有传上去：网络连接不上，请检查网络后在投诉详情里再看看')
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return
  if (res.statusCode >= 500) throw new ApiError('SERVER', MESSAGES.SERVER, res.statusCode)
  let body: unknown = res.data
  try {
    if (typeof body === 'string') body = JSON.parse(body)
  } catch {
    // not JSON: fall through to the generic message
  }
  const parsed = ZErrorResponse.safeParse(body)
  throw new ApiError(parsed.success ? parsed.data.error.code : 'HTTP', parsed.success ? parsed.data.error.message : `照片没有传上去（代码 ${res.statusCode}），请换一张照片再试`, res.statusCode)
}
