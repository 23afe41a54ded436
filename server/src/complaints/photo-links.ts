import { createHmac, timingSafeEqual } from 'node:crypto'

/** How long a photo link shown on someone's screen keeps working: minutes, so a copied link soon goes dead. */
export const PHOTO_LINK_SECONDS = 300

/** Whom a link is minted for: the user, and their session (logging out ends their links too). */
export interface PhotoViewer {
  userId: number
  sessionVersion: number
}

/**
 * A complaint photo is served through a short-lived signed link (an <Image> in the mini-program cannot send our
 * Authorization header), minted only into the complaint as shown to a party entitled to it. The link names its
 * viewer, so whoever opens it is checked against that viewer's access at that moment (read-complaint-photo.ts).
 */
export function signPhotoLink(secret: Uint8Array, photoId: number, viewer: PhotoViewer, now: Date): string {
  const exp = Math.floor(now.getTime() / 1000) + PHOTO_LINK_SECONDS
  return `/api/complaint-photos/${photoId}?for=${viewer.userId}&exp=${exp}&sig=${sign(secret, photoId, viewer, exp)}`
}

export function verifyPhotoLink(secret: Uint8Array, photoId: number, viewer: PhotoViewer, exp: number, sig: string, now: Date): boolean {
  if (exp * 1000 < now.getTime()) return false
  const want = Buffer.from(sign(secret, photoId, viewer, exp))
  const got = Buffer.from(sig)
  return got.length === want.length && timingSafeEqual(got, want)
}

function sign(secret: Uint8Array, photoId: number, viewer: PhotoViewer, exp: number): string {
  return createHmac('sha256', secret).update(`complaint-photo:${photoId}:${viewer.userId}:${viewer.sessionVersion}:${exp}`).digest('base64url')
}
