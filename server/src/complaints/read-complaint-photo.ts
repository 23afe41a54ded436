import { eq } from 'drizzle-orm'
import type { AppDeps } from '../app'
import { complaintPhotos } from '../db/schema'
import { AppError, notFound } from '../errors'
import { verifyPhotoLink } from './photo-links'

/** The bytes behind a signed photo link; a wrong or expired signature is 403, whoever asks. */
export async function readComplaintPhoto(deps: AppDeps, photoId: number, exp: number, sig: string): Promise<{ mime: string; data: Buffer }> {
  if (!verifyPhotoLink(deps.config.tokenSecret, photoId, exp, sig, deps.clock())) throw new AppError(403, 'FORBIDDEN', '照片链接已过期或不正确，请重新打开投诉查看')
  const [p] = await deps.database.db.select().from(complaintPhotos).where(eq(complaintPhotos.id, photoId)).limit(1)
  const data = p ? await deps.storage.get(p.storageKey) : null
  if (!p || !data) throw notFound('这张照片')
  return { mime: p.mime, data }
}
