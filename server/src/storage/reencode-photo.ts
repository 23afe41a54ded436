import sharp from 'sharp'

/** The longest side a stored complaint photo keeps: enough to see a bill or a wet floor, small enough to serve. */
export const MAX_PHOTO_SIDE = 2048
/** Refuse decompression bombs: a 5 MB file may claim a huge canvas. 50 MP is more than any phone camera. */
const MAX_INPUT_PIXELS = 50_000_000
const DECODABLE = new Set(['jpeg', 'png', 'webp'])

/**
 * The photo as we store it: decoded (JPEG, PNG or WebP only), turned upright by its EXIF orientation, bounded to
 * MAX_PHOTO_SIDE and written anew as a JPEG with no metadata at all — no GPS, device or description survives, so an
 * anonymous complainant's photo cannot name them (issue 15 #1). Null when the bytes do not decode as one of the three.
 */
export async function reencodePhoto(data: Buffer): Promise<Buffer | null> {
  try {
    const image = sharp(data, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS })
    const { format } = await image.metadata()
    if (!format || !DECODABLE.has(format)) return null
    // sharp writes no metadata unless asked (withMetadata/keepMetadata), so the output carries pixels only.
    return await image
      .autoOrient()
      .resize({ width: MAX_PHOTO_SIDE, height: MAX_PHOTO_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 85 })
      .toBuffer()
  } catch {
    return null
  }
}
