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
  /**
   * Reverse proxies in front of the API (TRUST_PROXY, default 0): with N > 0 the caller's IP is the N-th address from
   * the end of X-Forwarded-For (the one our own proxy wrote), so per-IP limits see callers, not the proxy.
   */
  trustProxyHops: number
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
   * Failed redemptions of a family invitation code (the README's family-binding section has the arithmetic).
   * The code is checked first and a success gives its attempt back, so only failures count, and only against
   * the account and the IP address that guessed: nobody else is ever refused because of them.
   */
  bindFailuresPerAccount: RateRule
  bindFailuresPerAccountDaily: RateRule
  bindFailuresPerIp: RateRule
  bindFailuresPerIpDaily: RateRule
  /**
   * Failures across the district that raise the alarm: past `points` in `seconds`, new invitations get 8 digits
   * instead of 6 for a day. It never refuses anyone (a budget everyone shares could be spent by a few).
   */
  bindFailuresDistrict: RateRule
  /** Invitations made for one elder per business day (whoever makes them): every live code is one more to hit. */
  invitationsPerElder: RateRule
  /** Complaints one account files per business day (a flood would bury a station admin in notices). */
  complaintsPerAccount: RateRule
  /** Profiles one relative creates per business day (a flood would bury the staff's pending list). */
  elderProfilesPerAccount: RateRule
}

/** "30/60" → 30 per 60 s; `perDay` rules (counted per business day) also take a bare count, "10". */
function rateRule(value: string | undefined, fallback: string, name: string, perDay = false): RateRule {
  const raw = (value ?? fallback).trim()
  const m = /^(\d+)\/(\d+)$/.exec(perDay && /^\d+$/.test(raw) ? `${raw}/86400` : raw)
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
    // Demo accounts sign in without WeChat: only when asked for in so many words, never in production.
    devLoginEnabled: !production && env.AUTH_DEV_LOGIN === '1',
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
    trustProxyHops: wholeSetting(env.TRUST_PROXY, 0, 5, 'TRUST_PROXY'),
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    rateLimits: {
      prefix: env.RATE_LIMIT_PREFIX ?? 'cc:rl',
      loginPerIp: rateRule(env.RATE_LIMIT_LOGIN_PER_IP, '30/60', 'RATE_LIMIT_LOGIN_PER_IP'),
      loginPerAccount: rateRule(env.RATE_LIMIT_LOGIN_PER_ACCOUNT, '10/60', 'RATE_LIMIT_LOGIN_PER_ACCOUNT'),
      accountsPerIp: rateRule(env.RATE_LIMIT_ACCOUNTS_PER_IP, '10/3600', 'RATE_LIMIT_ACCOUNTS_PER_IP'),
      bindFailuresPerAccount: rateRule(env.RATE_LIMIT_BIND_PER_ACCOUNT, '5/900', 'RATE_LIMIT_BIND_PER_ACCOUNT'),
      bindFailuresPerAccountDaily: rateRule(env.RATE_LIMIT_BIND_PER_ACCOUNT_DAILY, '20/86400', 'RATE_LIMIT_BIND_PER_ACCOUNT_DAILY'),
      bindFailuresPerIp: rateRule(env.RATE_LIMIT_BIND_PER_IP, '30/3600', 'RATE_LIMIT_BIND_PER_IP'),
      bindFailuresPerIpDaily: rateRule(env.RATE_LIMIT_BIND_PER_IP_DAILY, '100/86400', 'RATE_LIMIT_BIND_PER_IP_DAILY'),
      bindFailuresDistrict: rateRule(env.RATE_LIMIT_BIND_DISTRICT, '100/3600', 'RATE_LIMIT_BIND_DISTRICT'),
      invitationsPerElder: rateRule(env.RATE_LIMIT_INVITATIONS_PER_ELDER, '10', 'RATE_LIMIT_INVITATIONS_PER_ELDER', true),
      complaintsPerAccount: rateRule(env.RATE_LIMIT_COMPLAINTS_PER_ACCOUNT, '10', 'RATE_LIMIT_COMPLAINTS_PER_ACCOUNT', true),
      elderProfilesPerAccount: rateRule(env.RATE_LIMIT_ELDER_PROFILES_PER_ACCOUNT, '5', 'RATE_LIMIT_ELDER_PROFILES_PER_ACCOUNT', true),
    },
    // The district's weekly purchased minutes for free and low elders (a supervisor may set one elder's own).
    hours: {
      housekeepingMinutes: wholeSetting(env.HOURS_WEEKLY_HOUSEKEEPING, 180, 2400, 'HOURS_WEEKLY_HOUSEKEEPING'),
      medicalMinutes: wholeSetting(env.HOURS_WEEKLY_MEDICAL, 60, 2400, 'HOURS_WEEKLY_MEDICAL'),
    },
    checkIn: {
      opensMinutesBefore: Number(env.CHECK_IN_OPENS_MINUTES_BEFORE ?? 30),
      closesMinutesAfter: Number(env.CHECK_IN_CLOSES_MINUTES_AFTER ?? 60),
    },
  }
}

function wholeSetting(raw: string | undefined, fallback: number, max: number, name: string): number {
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0 || n > max) throw new Error(`${name} must be a whole number from 0 to ${max}, got "${raw}"`)
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
