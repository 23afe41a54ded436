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
    this.limiters = { loginPerIp: limiter('loginPerIp'), loginPerAccount: limiter('loginPerAccount'), accountsPerIp: limiter('accountsPerIp') }
  }

  /** Counts one attempt under `rule` for `key`; over the limit → RateLimited. Keys are hashed: no phone in Redis. */
  async consume(rule: RateRuleName, key: string): Promise<void> {
    try {
      await this.limiters[rule].consume(createHash('sha256').update(key).digest('base64url').slice(0, 22))
    } catch (e) {
      if (e instanceof RateLimiterRes) throw new RateLimited(Math.max(1, Math.ceil(e.msBeforeNext / 1000)))
      throw e
    }
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

/** Runs a use case; a RATE_LIMITED refusal carries Retry-After, as HTTP clients expect. */
export async function withRetryAfter<T>(ctx: Context, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (e) {
    if (e instanceof RateLimited) ctx.set('Retry-After', String(e.retryAfterSeconds))
    throw e
  }
}
