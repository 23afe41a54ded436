import { randomBytes } from 'node:crypto'
import { count, eq } from 'drizzle-orm'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { complaintPhotos, complaints } from '../db/schema'
import { AppError, forbidden, notFound } from '../errors'
import { sniffImage } from '../storage/image-type'
import { partyFor } from './complaint-access'

export const MAX_PHOTOS = 3
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024

/** The complainant adds a photo (JPEG, PNG or WebP by its bytes, ≤ 5 MB) to an open complaint, at most 3. */
export async function addComplaintPhoto(deps: AppDeps, auth: Auth, complaintId: number, data: Buffer | undefined): Promise<{ id: number }> {
  const db = deps.database.db
  const [c] = await db.select().from(complaints).where(eq(complaints.id, complaintId)).limit(1)
  const party = c ? await partyFor(db, auth, c) : null
  if (!c || !party) throw notFound('这条投诉')
  if (party !== 'complainant') throw forbidden('只有投诉人可以添加照片')
  if (c.status === 'closed') throw new AppError(409, 'ILLEGAL_TRANSITION', '投诉已结束，不能再添加照片')
  if (!data || data.length === 0) throw new AppError(400, 'VALIDATION_FAILED', '请选择一张照片（表单字段 photo）')
  const type = sniffImage(data)
  if (!type) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '只能上传 JPG、PNG 或 WebP 格式的照片')
  const [{ n }] = await db.select({ n: count() }).from(complaintPhotos).where(eq(complaintPhotos.complaintId, complaintId))
  if (n >= MAX_PHOTOS) throw new AppError(409, 'TOO_MANY_PHOTOS', `每条投诉最多 ${MAX_PHOTOS} 张照片`)
  const key = `complaints/${complaintId}/${randomBytes(12).toString('hex')}.${type.ext}`
  await deps.storage.put(key, data)
  const [res] = await db.insert(complaintPhotos).values({ complaintId, uploadedBy: auth.userId, storageKey: key, mime: type.mime, bytes: data.length })
  return { id: res.insertId }
}
