import type { Logger } from 'pino'

/**
 * Runs a sweep every `everyMs` in this process (no cron box needed: every process runs it, and each sweep claims
 * its rows with conditional UPDATEs). A sweep still running is not started again; a failure is logged, never thrown.
 * Returns a stop function.
 */
export function runEvery<T extends Record<string, number>>(everyMs: number, log: Logger, label: string, sweep: () => Promise<T>, opts: { now?: boolean } = {}): () => void {
  let running = false
  const tick = async () => {
    if (running) return
    running = true
    try {
      const moved = await sweep()
      if (Object.values(moved).some((n) => n > 0)) log.info({ ...moved } as Record<string, number>, label)
    } catch (e: any) {
      log.warn({ err: { code: e?.code, message: e?.message } }, `${label} sweep failed`)
    } finally {
      running = false
    }
  }
  const timer = setInterval(tick, everyMs)
  timer.unref()
  if (opts.now) void tick()
  return () => clearInterval(timer)
}
