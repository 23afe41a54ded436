import { createHmac, timingSafeEqual } from 'node:crypto'

/** How long a photo link shown on someone's screen keeps working. */
export const PHOTO_LINK_SECONDS = 3600

/**
 * A complaint photo is served through a short-lived signed link, minted only into the complaint as shown to a
 * party entitled to it: an <Image> in the mini-program cannot send our Authorization header.
 */
export function signPhotoLink(secret: Uint8Array, photoId: number, now: Date): string {
  const exp = Math.floor(now.getTime() / 1000) + PHOTO_LINK_SECONDS
  return `/api/complaint-photos/${photoId}?exp=${exp}&sig=${sign(secret, photoId, exp)}`
}

export function verifyPhotoLink(secret: Uint8Array, photoId: number, exp: number, sig: string, now: Date): boolean {
  if (exp * 1000 < now.getTime()) return false
  const want = Buffer.from(sign(secret, photoId, exp))
  const got = Buffer.from(sig)
  return got.length === want.length && timingSafeEqual(got, want)
}

function sign(secret: Uint8Array, photoId: number, exp: number): string {
  return createHmac('sha256', secret).update(`complaint-photo:${photoId}:${exp}`).digest('base64url')
}
