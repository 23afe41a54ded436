import { Redis } from 'ioredis'
import type { Logger } from 'pino'

/**
 * Tells every API process on the same database that a user changed (disabled, logged out, moved), through one
 * Redis channel, so each drops the user's cached state at once instead of within the cache time. If Redis is
 * unreachable nothing fails: other processes fall back to the cache time (a few seconds), and one line is logged.
 */
export class UserChanges {
  private readonly pub: Redis
  private readonly sub: Redis

  constructor(redisUrl: string, private readonly channel: string, log: Logger, onChange: (userId: number) => void) {
    const options = { enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: (n: number) => Math.min(n * 250, 2000) }
    this.pub = new Redis(redisUrl, options)
    // A subscriber connection queues its SUBSCRIBE until connected (and ioredis re-subscribes after a reconnect).
    this.sub = new Redis(redisUrl, { ...options, enableOfflineQueue: true })
    let warned = false
    const warn = (e: NodeJS.ErrnoException) => {
      if (warned) return
      warned = true
      log.warn({ err: { code: e.code, message: e.message } }, 'Redis unreachable: user changes reach other processes within the cache time')
    }
    this.pub.on('error', warn)
    this.sub.on('error', warn)
    this.sub.subscribe(channel).catch(warn)
    this.sub.on('message', (ch: string, message: string) => {
      const id = Number(message)
      if (ch === channel && Number.isSafeInteger(id)) onChange(id)
    })
  }

  /** Resolves once Redis has handed the message to every subscriber (or failed: the cache time still bounds it). */
  async publish(userId: number): Promise<void> {
    await this.pub.publish(this.channel, String(userId)).catch(() => {})
  }

  /** Resolves once subscribed, or after `ms`. */
  async ready(ms = 1000): Promise<void> {
    const deadline = Date.now() + ms
    while (Date.now() < deadline && !(this.sub.status === 'ready' && this.pub.status === 'ready')) await new Promise((r) => setTimeout(r, 20))
  }

  close(): void {
    this.pub.disconnect()
    this.sub.disconnect()
  }
}
