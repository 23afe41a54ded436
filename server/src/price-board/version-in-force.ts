/** A published version as far as "which one is in force" cares. */
export interface Dated {
  id: number
  /** Epoch milliseconds. */
  effectiveFrom: number
}

/**
 * The version in force at `at` (epoch ms): the latest published one whose effective time has come; of two with
 * the same time, the one published later (higher id). Callers pass published versions only: a draft is never in force.
 */
export function versionInForce<T extends Dated>(versions: readonly T[], at: number): T | null {
  let best: T | null = null
  for (const v of versions) {
    if (v.effectiveFrom > at) continue
    if (!best || v.effectiveFrom > best.effectiveFrom || (v.effectiveFrom === best.effectiveFrom && v.id > best.id)) best = v
  }
  return best
}
