import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { ServiceCategory } from '@carecircle/shared'
import type { Db } from '../db/client'
import { capacityRules, priceItems, priceVersions, services } from '../db/schema'
import type { CapacityRule } from '../slots/slot-times'
import { versionInForce } from '../price-board/version-in-force'

type ServiceRow = typeof services.$inferSelect
export interface PricedItem {
  priceVersionId: number
  freeFen: number
  lowFen: number
  paidFen: number
}
interface Version {
  id: number
  effectiveFrom: number
  items: Map<number, PricedItem>
}
type Rule = CapacityRule & { category: ServiceCategory }

/** Past this many stations the cache starts over rather than grow without bound (a city has hundreds). */
const MAX_STATIONS = 20_000

/**
 * The read-mostly facts routing needs on every booking — menu, price versions, capacity rules — kept in
 * memory per process. The database stays the source of truth: a cheap stamp query, at most every
 * `checkMs`, drops whatever changed (another process may have published a price); local writes call invalidate().
 */
export class StationFactsCache {
  private services = new Map<number, ServiceRow>()
  private versions = new Map<number, Version[]>()
  private rules = new Map<number, Rule[]>()
  private stamp = ''
  private checkedAt = -Infinity

  constructor(private readonly db: Db, private readonly checkMs = 5000, private readonly now = () => Date.now()) {}

  invalidate() {
    this.checkedAt = -Infinity
    this.stamp = ''
  }

  private async fresh() {
    if (this.now() - this.checkedAt < this.checkMs) return
    const [[row]] = (await this.db.execute(sql`SELECT
      (SELECT CONCAT(COUNT(*), '/', COALESCE(MAX(id), 0), '/', COALESCE(MAX(published_at), '')) FROM price_versions WHERE status = 'published') AS p,
      (SELECT CONCAT(COUNT(*), '/', COALESCE(MAX(id), 0), '/', COALESCE(MAX(updated_at), '')) FROM capacity_rules) AS r,
      (SELECT CONCAT(COUNT(*), '/', COALESCE(MAX(updated_at), '')) FROM services) AS s`)) as unknown as [[{ p: string; r: string; s: string }]]
    const stamp = `${row.p}|${row.r}|${row.s}`
    if (stamp !== this.stamp) {
      this.services.clear()
      this.versions.clear()
      this.rules.clear()
      this.stamp = stamp
    }
    this.checkedAt = this.now()
  }

  async service(id: number): Promise<ServiceRow | undefined> {
    await this.fresh()
    if (this.services.size === 0) for (const s of await this.db.select().from(services)) this.services.set(s.id, s)
    return this.services.get(id)
  }

  /**
   * Prices and rules of these stations: from memory, with two queries for the ones missing. Returns a
   * snapshot, so a concurrent load or a stamp change can never show a caller half-filled facts.
   */
  async load(stationIds: number[]): Promise<StationFacts> {
    await this.fresh()
    const generation = this.stamp
    const missing = stationIds.filter((id) => !this.versions.has(id))
    const versions = new Map<number, Version[]>(missing.map((id) => [id, []]))
    const rules = new Map<number, Rule[]>(missing.map((id) => [id, []]))
    if (missing.length > 0) {
      const [priceRows, ruleRows] = await Promise.all([
        this.db.select({ v: priceVersions, i: priceItems }).from(priceVersions)
          .innerJoin(priceItems, sql`${priceItems.priceVersionId} = ${priceVersions.id}`)
          // A draft is never quoted: only published versions are facts.
          .where(and(inArray(priceVersions.stationId, missing), eq(priceVersions.status, 'published'))),
        this.db.select().from(capacityRules).where(inArray(capacityRules.stationId, missing)).orderBy(asc(capacityRules.openMinute)),
      ])
      const byId = new Map<number, Version>()
      for (const { v, i } of priceRows) {
        let version = byId.get(v.id)
        if (!version) {
          version = { id: v.id, effectiveFrom: v.effectiveFrom.getTime(), items: new Map() }
          byId.set(v.id, version)
          versions.get(v.stationId)!.push(version)
        }
        version.items.set(i.serviceId, { priceVersionId: v.id, freeFen: i.freeFen, lowFen: i.lowFen, paidFen: i.paidFen })
      }
      for (const r of ruleRows) rules.get(r.stationId)!.push(r)
      if (this.stamp === generation) {
        if (this.versions.size + missing.length > MAX_STATIONS) {
          this.versions.clear()
          this.rules.clear()
        }
        for (const id of missing) {
          this.versions.set(id, versions.get(id)!)
          this.rules.set(id, rules.get(id)!)
        }
      }
    }
    for (const id of stationIds) {
      if (!versions.has(id)) versions.set(id, this.versions.get(id) ?? [])
      if (!rules.has(id)) rules.set(id, this.rules.get(id) ?? [])
    }
    return new StationFacts(versions, rules)
  }
}

/** Facts of a few stations at one moment. */
export class StationFacts {
  constructor(private readonly versions: Map<number, Version[]>, private readonly rules: Map<number, Rule[]>) {}

  /** The item of the version in force at `at`, if that version lists the service. */
  priceAt(stationId: number, serviceId: number, at: Date): PricedItem | null {
    const current = versionInForce(this.versions.get(stationId) ?? [], at.getTime())
    return current?.items.get(serviceId) ?? null
  }

  rulesOf(stationId: number, category: ServiceCategory): CapacityRule[] {
    return (this.rules.get(stationId) ?? []).filter((r) => r.category === category)
  }
}
