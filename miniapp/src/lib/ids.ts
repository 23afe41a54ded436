/** A random key for Idempotency-Key; weapp has no crypto.randomUUID, and uniqueness per user is enough. */
export function newIdempotencyKey(): string {
  const rand = () => Math.random().toString(36).slice(2, 10)
  return `mp-${Date.now().toString(36)}-${rand()}${rand()}`
}
