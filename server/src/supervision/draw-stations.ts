import { createHmac } from 'node:crypto'

/**
 * Draws `n` of the candidates, replayably: a Fisher–Yates shuffle whose random numbers are HMAC-SHA256(seed, i).
 * The same seed over the same candidate list always draws the same stations, so anyone can check a draw.
 */
export function drawStations(candidateIds: readonly number[], seed: string, n: number): number[] {
  const ids = [...candidateIds].sort((a, b) => a - b)
  const take = Math.min(n, ids.length)
  for (let i = 0; i < take; i++) {
    const j = i + uniform(seed, i, ids.length - i)
    ;[ids[i], ids[j]] = [ids[j], ids[i]]
  }
  return ids.slice(0, take)
}

/** An integer in [0, bound) from the seed and step, without modulo bias worth speaking of (48 bits for a few hundred). */
function uniform(seed: string, step: number, bound: number): number {
  const h = createHmac('sha256', seed).update(String(step)).digest()
  return Math.floor((h.readUIntBE(0, 6) / 2 ** 48) * bound)
}
