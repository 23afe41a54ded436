import { eq } from 'drizzle-orm'
import type { Complaint } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { complaintPhotos, complaints } from '../db/schema'
import { notFound } from '../errors'
import { partyFor } from './complaint-access'
import { fetchComplaintEvents, selectComplaintRows, toComplaintDto } from './complaint-view'
import { signPhotoLink } from './photo-links'

/** One complaint with its whole timeline, as the caller may see it. */
export async function getComplaint(deps: AppDeps, auth: Auth, id: number): Promise<Complaint> {
  const db = deps.database.db
  const [row] = await selectComplaintRows(db).where(eq(complaints.id, id)).limit(1)
  const party = row ? await partyFor(db, auth, row.c) : null
  if (!row || !party) throw notFound('这条投诉')
  const now = deps.clock()
  const events = await fetchComplaintEvents(db, id, party === 'station' && row.c.anonymous)
  // Links are minted for this caller and their session: opening one re-checks their access (read-complaint-photo.ts).
  const viewer = { userId: auth.userId, sessionVersion: (await deps.userStates.get(auth.userId))?.sessionVersion ?? 0 }
  const photos = await db.select({ id: complaintPhotos.id }).from(complaintPhotos).where(eq(complaintPhotos.complaintId, id)).orderBy(complaintPhotos.id)
  return {
    ...toComplaintDto(row as never, party, auth.role, now, deps.complaintPolicy, events),
    photos: photos.map((p) => ({ id: p.id, url: signPhotoLink(deps.config.tokenSecret, p.id, viewer, now) })),
  }
}
