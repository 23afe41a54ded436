import type { Complaint, CreateComplaintRequest } from '@carecircle/shared'
import { createComplaint, uploadComplaintPhoto, toApiError } from '../../../api'

export interface Submitted {
  complaint: Complaint
  /** Photos that did not go up, with the reason in words; the complaint itself is filed either way. */
  failedPhotos: string[]
}

/** File the complaint, then its photos one by one (a photo needs the complaint's id). */
export async function submitComplaint(body: CreateComplaintRequest, photos: string[]): Promise<Submitted> {
  const complaint = await createComplaint(body)
  const failedPhotos: string[] = []
  for (const [i, path] of photos.entries()) {
    try {
      await uploadComplaintPhoto(complaint.id, path)
    } catch (err) {
      failedPhotos.push(`第 ${i + 1} 张：${toApiError(err).message}`)
    }
  }
  return { complaint, failedPhotos }
}
