import { prng, offset } from '../../server/src/seed/demo-data'
import type { IndexedStation } from '../../server/src/stations/station-index'

/** Mainland cities as [lat, lng]: stations cluster around them, as real ones do. */
const CITIES: [number, number][] = [
  [39.9, 116.4], [31.23, 121.47], [23.13, 113.26], [22.54, 114.06], [30.57, 104.07], [29.56, 106.55], [30.27, 120.15], [34.34, 108.94],
  [32.06, 118.8], [30.59, 114.3], [36.65, 117.12], [38.04, 114.51], [28.23, 112.94], [25.04, 102.71], [26.65, 106.63], [28.88, 105.44],
  [24.48, 118.09], [41.8, 123.43], [45.75, 126.65], [43.82, 125.32], [36.06, 103.83], [22.82, 108.32], [20.04, 110.34], [37.87, 112.55],
]

function station(id: number, lat: number, lng: number, rnd: () => number): IndexedStation {
  const complex = rnd() < 0.05
  const ebike = !complex && rnd() < 0.15
  return {
    id, name: `驿站${id}`, kind: complex ? 'complex' : 'station', lat, lng, circleMinutes: 15, circleMeters: complex ? 2000 : null,
    circlePolygon: null, travelMode: ebike ? 'ebike' : 'walk', speedMetersPerMinute: ebike ? 200 : 75, detourPermille: 1300,
    operatorName: '运营方', address: '', phone: '', status: rnd() < 0.02 ? 'suspended' : 'active', ratingTenths: 30 + Math.floor(rnd() * 21), ratingCount: 20,
  }
}

/** `n` stations spread over the country's cities (most within 25 km of a centre). */
export function nationwideStations(n: number, seed = 1): IndexedStation[] {
  const rnd = prng(seed)
  return Array.from({ length: n }, (_, i) => {
    const [lat, lng] = CITIES[i % CITIES.length]
    const p = offset({ lat, lng }, Math.sqrt(rnd()) * 25_000, rnd() * 2 * Math.PI)
    return station(i + 1, p.lat, p.lng, rnd)
  })
}

/** `n` stations in one city (Luzhou), 20 km radius. */
export function oneCityStations(n: number, seed = 2): IndexedStation[] {
  const rnd = prng(seed)
  return Array.from({ length: n }, (_, i) => {
    const p = offset({ lat: 28.88, lng: 105.44 }, Math.sqrt(rnd()) * 20_000, rnd() * 2 * Math.PI)
    return station(i + 1, p.lat, p.lng, rnd)
  })
}

/** Homes near random stations (within 2 km), so most routing calls find candidates. */
export function homesNear(stations: IndexedStation[], n: number, seed = 3) {
  const rnd = prng(seed)
  return Array.from({ length: n }, () => offset(stations[Math.floor(rnd() * stations.length)], rnd() * 2000, rnd() * 2 * Math.PI))
}
