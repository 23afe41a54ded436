import { createHash } from 'node:crypto'
import { Redis } from 'ioredis'
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'
import type { Context } from 'koa'
import type { Logger } from 'pino'
import type { RateLimitConfig } from '../config'
import { AppError } from '../errors'

export type RateRuleName = Exclude<keyof RateLimitConfig, 'prefix'>

/** 429 RATE_LIMITED; the route sends `retryAfterSeconds` as Retry-After (see withRetryAfter). */
export class RateLimited extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'RATE_LIMITED', `操作太频繁，请 ${retryAfterSeconds} 秒后再试`)
  }
}

/**
 * Attempt counters shared by every API process through Redis (rate-limiter-flexible: one atomic Lua
 * INCR+EXPIRE per attempt). If Redis is unreachable nothing fails: each process counts in memory instead
 * (the library's insurance limiter), so limits still hold per process, and one line is logged per outage.
 */
export class RateLimits {
  private readonly redis: Redis
  private readonly limiters: Record<RateRuleName, RateLimiterRedis>

  constructor(redisUrl: string, config: RateLimitConfig, log: Logger) {
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
      return new RateLimiterRedis({
        storeClient: this.redis, keyPrefix, points, duration: seconds, rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: seconds }),
      })
    }
    const names = Object.keys(config).filter((k): k is RateRuleName => k !== 'prefix')
    this.limiters = Object.fromEntries(names.map((n) => [n, limiter(n)])) as Record<RateRuleName, RateLimiterRedis>
  }

  /** Counts one attempt under `rule` for `key`; over the limit → RateLimited. Keys are hashed: no phone in Redis. */
  async consume(rule: RateRuleName, key: string): Promise<void> {
    try {
      await this.limiters[rule].consume(hashed(key))
    } catch (e) {
      if (e instanceof RateLimiterRes) throw new RateLimited(Math.max(1, Math.ceil(e.msBeforeNext / 1000)))
      throw e
    }
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

  /** Gives back attempts that turned out not to count (e.g. a redemption that succeeded). */
  async rewardAll(counts: [RateRuleName, string][]): Promise<void> {
    await Promise.all(counts.map(([rule, key]) => this.limiters[rule].reward(hashed(key)).catch(() => undefined)))
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
