import { createHash } from 'node:crypto'
import { Redis } from 'ioredis'
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'
import type { Context } from 'koa'
import type { Logger } from 'pino'
import type { RateLimitConfig } from '../config'
import { businessDate, businessDayStart } from '@carecircle/shared'
import { AppError } from '../errors'

export type RateRuleName = Exclude<keyof RateLimitConfig, 'prefix'>

/** What a refusal under each rule says happened (the time to come back follows, in words). */
const HAPPENED: Record<RateRuleName, (points: number) => string> = {
  loginPerIp: () => '登录太频繁了',
  loginPerAccount: () => '这个账号登录太频繁了',
  accountsPerIp: () => '这个网络里新开的账号太多了',
  bindFailuresPerAccount: () => '邀请码输错的次数太多了',
  bindFailuresPerAccountDaily: () => '今天邀请码输错的次数太多了',
  bindFailuresPerIp: () => '这个网络里邀请码输错的次数太多了',
  bindFailuresPerIpDaily: () => '今天这个网络里邀请码输错的次数太多了',
  bindFailuresDistrict: () => '', // an alarm: it never refuses (see alarm())
  invitationsPerElder: (n) => `今天已经生成了 ${n} 个邀请码`,
  complaintsPerAccount: (n) => `今天已提交 ${n} 条投诉`,
  elderProfilesPerAccount: (n) => `今天已经建了 ${n} 位老人的资料`,
}
/** Where to turn meanwhile, when waiting could matter to someone. */
const MEANWHILE: Partial<Record<RateRuleName, string>> = {
  complaintsPerAccount: '。急事请拨打 12349 养老服务热线',
  elderProfilesPerAccount: '。已建的资料等驿站上门确认后就能预约',
}
/** Counted per business day (Asia/Shanghai): the key carries the date, so the count starts again at midnight. */
const PER_DAY: ReadonlySet<RateRuleName> = new Set(['invitationsPerElder', 'complaintsPerAccount', 'elderProfilesPerAccount'])
/** How long an alarm stays raised once crossed: as long as a code made just before it can still be redeemed. */
const ALARM_SECONDS = 24 * 3600

/** 429 RATE_LIMITED: the message says what happened and when to come back in words; the route sends Retry-After. */
export class RateLimited extends AppError {
  constructor(readonly retryAfterSeconds: number, message: string) {
    super(429, 'RATE_LIMITED', message)
  }
}

/** When to come back, as a person says it — a limit never speaks in seconds. */
export function comeBackIn(ms: number, now: Date): string {
  const minutes = Math.ceil(ms / 60_000)
  if (minutes <= 1) return '请过一分钟再试'
  if (minutes < 60) return `请过 ${minutes} 分钟再试`
  if (businessDate(new Date(now.getTime() + ms)) !== businessDate(now)) return '请明天再试'
  return `请过 ${Math.ceil(minutes / 60)} 小时再试`
}

/**
 * Attempt counters shared by every API process through Redis (rate-limiter-flexible: one atomic Lua
 * INCR+EXPIRE per attempt). If Redis is unreachable nothing fails: each process counts in memory instead
 * (the library's insurance limiter), so limits still hold per process, and one line is logged per outage.
 */
export class RateLimits {
  private readonly redis: Redis
  private readonly limiters: Record<RateRuleName, RateLimiterRedis>

  constructor(redisUrl: string, private readonly config: RateLimitConfig, log: Logger, private readonly clock: () => Date = () => new Date()) {
    // No offline queue and no retries per command: an attempt never waits for Redis, it falls back at once.
    this.redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: (n) => Math.min(n * 250, 2000) })
    let down = false
    this.redis.on('error', (e: NodeJS.ErrnoException) => {
      if (down) return
      down = true
      log.warn({ err: { code: e.code, message: e.message } }, 'Redis unreachable: rate limits are counted per process until it is back')
    })
    this.redis.on('ready', () => {
      if (!down) return
      down = false
      log.info('Redis reachable again: rate limits are shared again')
    })
    const limiter = (name: RateRuleName) => {
      const { points, seconds } = config[name]
      const keyPrefix = `${config.prefix}:${name}`
      const blockDuration = name === 'bindFailuresDistrict' ? ALARM_SECONDS : 0
      return new RateLimiterRedis({
        storeClient: this.redis, keyPrefix, points, duration: seconds, blockDuration, rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: seconds, blockDuration }),
      })
    }
    const names = Object.keys(config).filter((k): k is RateRuleName => k !== 'prefix')
    this.limiters = Object.fromEntries(names.map((n) => [n, limiter(n)])) as Record<RateRuleName, RateLimiterRedis>
  }

  /** Counts one attempt under `rule` for `key`; over the limit → RateLimited. Keys are hashed: no phone in Redis. */
  async consume(rule: RateRuleName, key: string): Promise<void> {
    const now = this.clock()
    try {
      await this.limiters[rule].consume(this.keyOf(rule, key, now))
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e
      // A per-day count starts again at the next business midnight, whatever the counter's own expiry says.
      const ms = PER_DAY.has(rule) ? businessDayStart(businessDate(new Date(now.getTime() + 86_400_000))).getTime() - now.getTime() : e.msBeforeNext
      const when = PER_DAY.has(rule) ? '请明天再试' : comeBackIn(ms, now)
      throw new RateLimited(Math.max(1, Math.ceil(ms / 1000)), `${HAPPENED[rule](this.config[rule].points)}，${when}${MEANWHILE[rule] ?? ''}`)
    }
  }

  /** Counts one event towards an alarm (e.g. failures across the district); never refuses anything. */
  async alarm(rule: RateRuleName, key: string): Promise<void> {
    await this.limiters[rule].consume(this.keyOf(rule, key, this.clock())).catch((e: unknown) => {
      if (!(e instanceof RateLimiterRes)) throw e
    })
  }

  /** The alarm has passed its count within its window, and stays raised for a day after. */
  async alarmRaised(rule: RateRuleName, key: string): Promise<boolean> {
    const res = await this.limiters[rule].get(this.keyOf(rule, key, this.clock()))
    return res !== null && res.consumedPoints > this.config[rule].points
  }

  /**
   * Counts one attempt under every rule, in order; if one refuses, those already counted are given back, so a
   * refused attempt is charged to no rule.
   */
  async consumeAll(counts: [RateRuleName, string][]): Promise<void> {
    for (let i = 0; i < counts.length; i++) {
      try {
        await this.consume(...counts[i])
      } catch (e) {
        await this.rewardAll(counts.slice(0, i))
        throw e
      }
    }
  }

  /**
   * Runs `make` as one of what `rule` allows per `key`: counted before it runs (a parallel burst cannot exceed the
   * limit), given back if it fails, so only what was really made counts ("今天已提交 10 条投诉" is true).
   */
  async limitMade<T>(rule: RateRuleName, key: string, make: () => Promise<T>): Promise<T> {
    await this.consume(rule, key)
    try {
      return await make()
    } catch (e) {
      await this.rewardAll([[rule, key]])
      throw e
    }
  }

  /** Gives back attempts that turned out not to count (e.g. a redemption that succeeded). */
  async rewardAll(counts: [RateRuleName, string][]): Promise<void> {
    const now = this.clock()
    await Promise.all(counts.map(([rule, key]) => this.limiters[rule].reward(this.keyOf(rule, key, now)).catch(() => undefined)))
  }

  /** Resolves once Redis is connected, or after `ms` (then attempts are counted in memory). */
  async ready(ms = 1000): Promise<void> {
    if (this.redis.status === 'ready') return
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.redis.off('ready', done)
        resolve()
      }
      const timer = setTimeout(done, ms)
      this.redis.once('ready', done)
    })
  }

  close(): void {
    this.redis.disconnect()
  }

  /** Keys are hashed (no phone or IP in Redis); a per-day rule's key carries the business date. */
  private keyOf(rule: RateRuleName, key: string, now: Date): string {
    return hashed(PER_DAY.has(rule) ? `${key}@${businessDate(now)}` : key)
  }
}

const hashed = (key: string) => createHash('sha256').update(key).digest('base64url').slice(0, 22)

/** Runs a use case; a RATE_LIMITED refusal carries Retry-After, as HTTP clients expect. */
export async function withRetryAfter<T>(ctx: Context, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (e) {
    if (e instanceof RateLimited) ctx.set('Retry-After', String(e.retryAfterSeconds))
    throw e
  }
}
