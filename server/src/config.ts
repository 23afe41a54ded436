import { randomBytes } from 'node:crypto'
import type { HoursPolicy } from './pricing/hours-policy'
import type { CheckInRule } from '@carecircle/shared'
import path from 'node:path'

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
  /** WeChat subscribe messages; an empty template id keeps notices in-app only. */
  push: { complaintTemplateId: string; orderTemplateId: string }
  /** Where uploaded complaint photos are kept (LocalDiskStorage). */
  uploadDir: string
  /** Folder of the built H5 mini-program served at /, or null to serve the API only. */
  h5Dir: string | null
  logLevel: string
  /** A station whose circle is `travelMinutes`; stations further than this are never "nearby". */
  nearbyMaxKm: number
  /** How long a user's state (disabled, role, station, session) is remembered: other processes see a change within it. */
  userStateTtlMs: number
  /** Rate-limit counters, shared by every API process. */
  redisUrl: string
  rateLimits: RateLimitConfig
  /** Check-in (签到) is accepted from `opensMinutesBefore` the slot until `closesMinutesAfter` it. */
  checkIn: CheckInRule
  /** Weekly government-purchased minutes for free and low elders (HOURS_WEEKLY_HOUSEKEEPING / _MEDICAL). */
  hours: HoursPolicy
}

/** At most `points` attempts per `seconds`, counted per key. */
export interface RateRule {
  points: number
  seconds: number
}
export interface RateLimitConfig {
  /** Redis key prefix: processes of one deployment share it (tests use one per test database). */
  prefix: string
  /** dev-login and WeChat login attempts from one IP address (covers guessing which phones have accounts). */
  loginPerIp: RateRule
  /** Login attempts for one account (phone or WeChat openid), from anywhere. */
  loginPerAccount: RateRule
  /** New accounts created from one IP address (a first WeChat login). */
  accountsPerIp: RateRule
  /**
   * Guessing a family invitation code (6 digits: 10^6 codes). Only FAILED redemptions count (a success is given
   * back). With N codes live in the district, one guess hits some elder's code with chance N/10^6, and a given
   * elder's (≤ 3 live) with 3/10^6. Defaults: per account 5 per 15 min and 20 per day → one account hits a given
   * elder with ≤ 20 × 3/10^6 = 0.006 % a day; globally 100 per hour (2,400 a day, all accounts together, so many
   * accounts gain nothing) → ≤ 2,400 × 3/10^6 = 0.72 % a day against one elder, and 2,400 × N/10^6 binds a day
   * against anyone: 0.05 at a realistic N = 20 codes waiting to be redeemed, 2.2 at the absolute worst (300
   * elders × 3 live codes). A code lives 24 hours, and every bind notifies the elder, who can revoke it at once.
   */
  bindFailuresPerAccount: RateRule
  bindFailuresPerAccountDaily: RateRule
  bindFailuresGlobal: RateRule
  /** Invitations created for one elder (whoever creates them): a flood of live codes would raise N above. */
  invitationsPerElder: RateRule
}

/** "30/60" → 30 per 60 s. */
function rateRule(value: string | undefined, fallback: string, name: string): RateRule {
  const m = /^(\d+)\/(\d+)$/.exec((value ?? fallback).trim())
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) throw new Error(`${name} must look like 30/60 (attempts per seconds)`)
  return { points: Number(m[1]), seconds: Number(m[2]) }
}

/** Read once at start-up; everything else receives the Config object. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production'
  const secret = env.TOKEN_SECRET
  if (production) {
    const weakness = secretWeakness(secret)
    if (weakness) throw new Error(`TOKEN_SECRET ${weakness}. Generate one with: openssl rand -base64 48`)
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
    push: { complaintTemplateId: env.WECHAT_TEMPLATE_COMPLAINT ?? '', orderTemplateId: env.WECHAT_TEMPLATE_ORDER ?? '' },
    uploadDir: path.resolve(env.UPLOAD_DIR ?? 'data/uploads'),
    h5Dir: env.H5_DIR === '' ? null : (env.H5_DIR ?? null),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    nearbyMaxKm: Number(env.NEARBY_MAX_KM ?? 30),
    userStateTtlMs: Number(env.AUTH_USER_CACHE_SECONDS ?? 3) * 1000,
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    rateLimits: {
      prefix: env.RATE_LIMIT_PREFIX ?? 'cc:rl',
      loginPerIp: rateRule(env.RATE_LIMIT_LOGIN_PER_IP, '30/60', 'RATE_LIMIT_LOGIN_PER_IP'),
      loginPerAccount: rateRule(env.RATE_LIMIT_LOGIN_PER_ACCOUNT, '10/60', 'RATE_LIMIT_LOGIN_PER_ACCOUNT'),
      accountsPerIp: rateRule(env.RATE_LIMIT_ACCOUNTS_PER_IP, '10/3600', 'RATE_LIMIT_ACCOUNTS_PER_IP'),
      bindFailuresPerAccount: rateRule(env.RATE_LIMIT_BIND_PER_ACCOUNT, '5/900', 'RATE_LIMIT_BIND_PER_ACCOUNT'),
      bindFailuresPerAccountDaily: rateRule(env.RATE_LIMIT_BIND_PER_ACCOUNT_DAILY, '20/86400', 'RATE_LIMIT_BIND_PER_ACCOUNT_DAILY'),
      bindFailuresGlobal: rateRule(env.RATE_LIMIT_BIND_GLOBAL, '100/3600', 'RATE_LIMIT_BIND_GLOBAL'),
      invitationsPerElder: rateRule(env.RATE_LIMIT_INVITATIONS_PER_ELDER, '10/86400', 'RATE_LIMIT_INVITATIONS_PER_ELDER'),
    },
    // The district's weekly purchased minutes for free and low elders (a supervisor may set one elder's own).
    hours: {
      housekeepingMinutes: minutesSetting(env.HOURS_WEEKLY_HOUSEKEEPING, 180, 'HOURS_WEEKLY_HOUSEKEEPING'),
      medicalMinutes: minutesSetting(env.HOURS_WEEKLY_MEDICAL, 60, 'HOURS_WEEKLY_MEDICAL'),
    },
    checkIn: {
      opensMinutesBefore: Number(env.CHECK_IN_OPENS_MINUTES_BEFORE ?? 30),
      closesMinutesAfter: Number(env.CHECK_IN_CLOSES_MINUTES_AFTER ?? 60),
    },
  }
}

function minutesSetting(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0 || n > 2400) throw new Error(`${name} must be whole minutes between 0 and 2400, got "${raw}"`)
  return n
}

/**
 * Why a token secret is too weak to sign tokens with, or null. Length alone is not enough: 32 spaces or
 * "abab…" are 32 characters anyone can guess. Requires 32+ non-space characters, some variety, and an
 * estimated entropy (Shannon, per character × length) of at least 96 bits — 32 random hex digits pass.
 */
export function secretWeakness(secret: string | undefined): string | null {
  if (!secret) return 'is required in production'
  if (secret.trim().length !== secret.length || /\s/.test(secret)) return 'must not contain spaces or line breaks (check for a stray newline)'
  if (secret.length < 32) return 'must be at least 32 characters'
  const counts = new Map<string, number>()
  for (const ch of secret) counts.set(ch, (counts.get(ch) ?? 0) + 1)
  if (counts.size < 10) return 'has too little variety (fewer than 10 different characters)'
  let bitsPerChar = 0
  for (const n of counts.values()) bitsPerChar -= (n / secret.length) * Math.log2(n / secret.length)
  if (bitsPerChar * secret.length < 96) return 'is too predictable (estimated entropy below 96 bits)'
  return null
}
