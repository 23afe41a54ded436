import { Redis } from 'ioredis'
import type { Logger } from 'pino'

/** What processes tell each other: a user changed (disabled, logged out, moved), a station's facts changed (prices, rules). */
export type Topic = 'user' | 'station-facts'
const TOPICS: readonly Topic[] = ['user', 'station-facts']

/**
 * Tells every API process on the same database that something they cache changed, through one Redis channel,
 * so each drops it at once instead of within its cache time. If Redis is unreachable nothing fails: other
 * processes fall back to their cache time (a few seconds), and one line is logged.
 */
export class Broadcast {
  private readonly pub: Redis
  private readonly sub: Redis
  private readonly listeners = new Map<Topic, ((id: number) => void)[]>()

  constructor(redisUrl: string, private readonly channel: string, log: Logger) {
    const options = { enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: (n: number) => Math.min(n * 250, 2000) }
    this.pub = new Redis(redisUrl, options)
    // A subscriber connection queues its SUBSCRIBE until connected (and ioredis re-subscribes after a reconnect).
    this.sub = new Redis(redisUrl, { ...options, enableOfflineQueue: true })
    let warned = false
    const warn = (e: NodeJS.ErrnoException) => {
      if (warned) return
      warned = true
      log.warn({ err: { code: e.code, message: e.message } }, 'Redis unreachable: changes reach other processes within their cache time')
    }
    this.pub.on('error', warn)
    this.sub.on('error', warn)
    this.sub.subscribe(channel).catch(warn)
    this.sub.on('message', (ch: string, message: string) => {
      const [topic, raw] = message.split(':')
      const id = Number(raw)
      if (ch !== channel || !TOPICS.includes(topic as Topic) || !Number.isSafeInteger(id)) return
      for (const f of this.listeners.get(topic as Topic) ?? []) f(id)
    })
  }

  on(topic: Topic, listener: (id: number) => void): void {
    this.listeners.set(topic, [...(this.listeners.get(topic) ?? []), listener])
  }

  /** Resolves once Redis has handed the message to every subscriber (or failed: the cache time still bounds it). */
  async publish(topic: Topic, id: number): Promise<void> {
    await this.pub.publish(this.channel, `${topic}:${id}`).catch(() => {})
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
