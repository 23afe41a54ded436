import { eq } from 'drizzle-orm'
import type { AppDeps } from '../app'
import { complaintPhotos, complaints } from '../db/schema'
import { AppError, notFound } from '../errors'
import { partyFor } from './complaint-access'
import { verifyPhotoLink } from './photo-links'

const refused = () => new AppError(403, 'FORBIDDEN', '照片链接已过期或已失效，请重新打开投诉查看')

/**
 * The bytes behind a signed photo link. The link must be genuine and unexpired, and the user it was minted for must
 * still be who they were (not disabled, not logged out) and still entitled to the complaint now — a relative whose
 * binding was revoked a second ago is refused. Anything else is the same 403, whoever asks.
 */
export async function readComplaintPhoto(deps: AppDeps, photoId: number, link: { for: number; exp: number; sig: string }): Promise<{ mime: string; data: Buffer }> {
  const viewer = await deps.userStates.get(link.for)
  if (!viewer || viewer.disabled) throw refused()
  if (!verifyPhotoLink(deps.config.tokenSecret, photoId, { userId: link.for, sessionVersion: viewer.sessionVersion }, link.exp, link.sig, deps.clock())) throw refused()
  const db = deps.database.db
  const [row] = await db.select({ p: complaintPhotos, c: complaints }).from(complaintPhotos).innerJoin(complaints, eq(complaints.id, complaintPhotos.complaintId)).where(eq(complaintPhotos.id, photoId)).limit(1)
  if (!row) throw notFound('这张照片')
  if (!(await partyFor(db, { userId: link.for, role: viewer.role, stationId: viewer.stationId }, row.c))) throw refused()
  const data = await deps.storage.get(row.p.storageKey)
  if (!data) throw notFound('这张照片')
  return { mime: row.p.mime, data }
}
