import { randomBytes } from 'node:crypto'
import { count, eq } from 'drizzle-orm'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { complaintPhotos, complaints } from '../db/schema'
import { inTransaction } from '../db/tx'
import { AppError, forbidden, notFound } from '../errors'
import { sniffImage } from '../storage/image-type'
import { reencodePhoto } from '../storage/reencode-photo'
import { partyFor } from './complaint-access'

export const MAX_PHOTOS = 3
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024

const closed = () => new AppError(409, 'ILLEGAL_TRANSITION', '投诉已结束，不能再添加照片')

/**
 * The complainant adds a photo (JPEG, PNG or WebP, ≤ 5 MB) to an open complaint, at most 3. The photo is re-encoded
 * first (no metadata survives); then, under the complaint's row lock, the count is checked, the row reserved and only
 * then the file written — so parallel uploads store exactly 3, and a write or commit that fails leaves no file.
 */
export async function addComplaintPhoto(deps: AppDeps, auth: Auth, complaintId: number, data: Buffer | undefined): Promise<{ id: number }> {
  const db = deps.database.db
  const [c] = await db.select().from(complaints).where(eq(complaints.id, complaintId)).limit(1)
  const party = c ? await partyFor(db, auth, c) : null
  if (!c || !party) throw notFound('这条投诉')
  if (party !== 'complainant') throw forbidden('只有投诉人可以添加照片')
  if (c.status === 'closed') throw closed()
  if (!data || data.length === 0) throw new AppError(400, 'VALIDATION_FAILED', '请选择一张照片（表单字段 photo）')
  if (!sniffImage(data)) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '只能上传 JPG、PNG 或 WebP 格式的照片')
  // Outside the lock: decoding takes tens of milliseconds and needs no row.
  const photo = await reencodePhoto(data)
  if (!photo) throw new AppError(400, 'PHOTO_UNREADABLE', '这张照片打不开，可能已损坏或不是真正的照片，请换一张 JPG、PNG 或 WebP 格式的照片')

  const key = `complaints/${complaintId}/${randomBytes(12).toString('hex')}.jpg`
  try {
    return await inTransaction(db, async (tx) => {
      const [locked] = await tx.select({ status: complaints.status }).from(complaints).where(eq(complaints.id, complaintId)).for('update')
      if (locked.status === 'closed') throw closed()
      const [{ n }] = await tx.select({ n: count() }).from(complaintPhotos).where(eq(complaintPhotos.complaintId, complaintId))
      if (n >= MAX_PHOTOS) throw new AppError(409, 'TOO_MANY_PHOTOS', `每条投诉最多 ${MAX_PHOTOS} 张照片`)
      const [res] = await tx.insert(complaintPhotos).values({ complaintId, uploadedBy: auth.userId, storageKey: key, mime: 'image/jpeg', bytes: photo.length })
      await deps.storage.put(key, photo)
      return { id: res.insertId }
    })
  } catch (e) {
    // Refused, or the write or the commit failed: whatever reached the disk goes (a no-op when nothing did).
    await deps.storage.remove(key).catch(() => {})
    throw e
  }
}
