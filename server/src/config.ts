import { randomBytes } from 'node:crypto'

export interface Config {
  port: number
  host: string
  databaseUrl: string
  production: boolean
  /** POST /api/auth/dev-login: demo and tests only, never in production. */
  devLoginEnabled: boolean
  tokenSecret: Uint8Array
  tokenTtlSeconds: number
  wechat: { apiBase: string; appId: string; secret: string }
  /** Folder of the built H5 mini-program served at /, or null to serve the API only. */
  h5Dir: string | null
  logLevel: string
  /** A station whose circle is `travelMinutes`; stations further than this are never "nearby". */
  nearbyMaxKm: number
  /** Check-in (签到) is accepted from `opensMinutesBefore` the slot until `closesMinutesAfter` it. */
  checkIn: CheckInWindow
}

export interface CheckInWindow {
  opensMinutesBefore: number
  closesMinutesAfter: number
}

/** Read once at start-up; everything else receives the Config object. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production'
  const secret = env.TOKEN_SECRET
  if (production && (!secret || secret.length < 32)) {
    throw new Error('TOKEN_SECRET is required in production (at least 32 characters)')
  }
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/carecircle',
    production,
    devLoginEnabled: !production && env.AUTH_DEV_LOGIN !== '0',
    // The demo may generate a secret: tokens then last until the process restarts.
    tokenSecret: new TextEncoder().encode(secret ?? randomBytes(32).toString('hex')),
    tokenTtlSeconds: Number(env.TOKEN_TTL_SECONDS ?? 7 * 24 * 3600),
    wechat: {
      apiBase: (env.WECHAT_API_BASE ?? 'https://api.weixin.qq.com').replace(/\/$/, ''),
      appId: env.WECHAT_APPID ?? '',
      secret: env.WECHAT_SECRET ?? '',
    },
    h5Dir: env.H5_DIR === '' ? null : (env.H5_DIR ?? null),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    nearbyMaxKm: Number(env.NEARBY_MAX_KM ?? 30),
    checkIn: {
      opensMinutesBefore: Number(env.CHECK_IN_OPENS_MINUTES_BEFORE ?? 30),
      closesMinutesAfter: Number(env.CHECK_IN_CLOSES_MINUTES_AFTER ?? 60),
    },
  }
}
