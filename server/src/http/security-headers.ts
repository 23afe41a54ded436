import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import helmet from 'koa-helmet'
import type { Context, Next } from 'koa'

/**
 * The built H5's index.html carries one small inline script (Taro's rem sizing). Rather than allow every
 * inline script, the policy allows exactly the ones in this build, by hash, read once at start-up.
 */
export function inlineScriptHashes(h5Dir: string | null): string[] {
  if (!h5Dir) return []
  const file = path.join(h5Dir, 'index.html')
  if (!fs.existsSync(file)) return []
  const html = fs.readFileSync(file, 'utf8')
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`)
}

/**
 * Security headers from helmet (maintained, reviewed defaults) with a policy the H5 pages work under
 * (test/e2e/price-board.test.ts checks nothing is refused): scripts only from this origin (plus the build's
 * inline script by hash), styles also inline (Taro's components set styles at run time), no framing anywhere,
 * no referrer. Every /api answer is `no-store`: most carry personal data, and an error must not be cached either.
 */
export function securityHeaders(h5Dir: string | null) {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inlineScriptHashes(h5Dir)],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        // blob: for the photo a resident picked: Taro's H5 uploadFile reads it back through XHR before sending.
        connectSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // TLS is ended in front of the app; a plain-http demo must not have its requests rewritten to https.
        upgradeInsecureRequests: null,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  })
  return async (ctx: Context, next: Next) => {
    if (ctx.path === '/api' || ctx.path.startsWith('/api/')) ctx.set('Cache-Control', 'no-store')
    await headers(ctx, next)
  }
}
