const CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** UTF-8 text as base64, without btoa or TextEncoder (neither is promised in every WeChat runtime). */
export function utf8Base64(text: string): string {
  const bytes: number[] = []
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    if (c < 0x80) bytes.push(c)
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += CHARS[(n >> 18) & 63] + CHARS[(n >> 12) & 63] + (i + 1 < bytes.length ? CHARS[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? CHARS[n & 63] : '=')
  }
  return out
}

/** An SVG as an image source both weapp's <Image> and the browser accept. */
export const svgDataUri = (svg: string) => `data:image/svg+xml;base64,${utf8Base64(svg)}`
