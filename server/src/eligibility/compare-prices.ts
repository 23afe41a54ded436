import { TIER_LABELS, publicRating, type PriceComparison } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { elderFor } from '../access/elder-access'
import { notFound } from '../errors'
import { circleOf } from '../routing/load-candidates'
import { pricedAsOf } from './effective-tier'

/**
 * 与附近驿站比价: every station whose circle covers the elder's home (from the spatial index, as routing does) that
 * prices this service now, sorted by what this elder would pay there, then by travel time. Suspended stations
 * are listed (their board is public) but say so; the booking would not go there.
 */
export async function comparePrices(deps: AppDeps, auth: Auth, elderId: number, serviceId: number): Promise<PriceComparison> {
  const now = deps.clock()
  const elder = pricedAsOf(await elderFor(deps, auth, elderId, 'read'), now)
  const service = await deps.stationFacts.service(serviceId)
  if (!service?.active) throw notFound('这项服务')
  const { inCircle } = circleOf(await deps.stationIndex.get(), { lat: elder.homeLat, lng: elder.homeLng })
  const facts = await deps.stationFacts.load(inCircle.map((c) => c.station.id))
  const priced = inCircle.flatMap(({ station, verdict }) => {
    const item = facts.priceAt(station.id, service.id, now)
    if (!item || station.status === 'closed') return []
    const yourPriceFen = elder.tier === 'free' ? item.freeFen : elder.tier === 'low' ? item.lowFen : item.paidFen
    return [{
      stationId: station.id, name: station.name, operatorName: station.operatorName, status: station.status as 'active' | 'suspended',
      yourPriceFen, listPriceFen: item.paidFen, travelMinutes: verdict.travelMinutes, distanceMeters: verdict.distanceMeters, travelMode: station.travelMode,
      rating: publicRating(station.ratingTenths, station.ratingCount), ratingCount: station.ratingCount,
    }]
  })
  priced.sort((a, b) => a.yourPriceFen - b.yourPriceFen || a.travelMinutes - b.travelMinutes || a.stationId - b.stationId)
  const who = auth.role === 'elder' && elder.userId === auth.userId ? '您' : elder.name
  return {
    elderId: elder.id,
    service: { id: service.id, name: service.name, unit: service.unit },
    tier: elder.tier,
    basis: `按${who}的价格（${TIER_LABELS[elder.tier]}）从低到高`,
    stations: priced,
    notOffered: inCircle.length - priced.length,
  }
}
