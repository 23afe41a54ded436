import KDBush from 'kdbush'
import { assessCircle, type CircleStation } from '../stations/service-circle'
import { reachKm } from '../stations/station-index'

const KM_PER_DEGREE = 111.195

/**
 * A kd-tree over elders' homes (kdbush: typed arrays, built once). A circle is answered by one box query around
 * the station, as wide as its reach, and the circle rule (assessCircle) on each home in the box: coverage asks
 * this once per station, never once per elder per station.
 */
export class ElderTree<E extends { lat: number; lng: number }> {
  private readonly tree: KDBush
  // Homes again as flat columns: a million scattered objects cost cache misses that two typed arrays do not.
  private readonly lats: Float64Array
  private readonly lngs: Float64Array
  constructor(readonly elders: readonly E[]) {
    this.tree = new KDBush(Math.max(1, elders.length))
    this.lats = new Float64Array(elders.length)
    this.lngs = new Float64Array(elders.length)
    elders.forEach((e, i) => {
      this.tree.add(e.lng, e.lat)
      this.lats[i] = e.lat
      this.lngs[i] = e.lng
    })
    if (elders.length === 0) this.tree.add(0, 0) // kdbush needs one point; never returned (see inside)
    this.tree.finish()
  }

  /** Calls `visit` with the index of every elder whose home the station's circle covers. */
  inside(station: CircleStation, visit: (i: number) => void): void {
    if (this.elders.length === 0) return
    // The box holds the whole circle: reachKm is the furthest covered home, padded 1 % and widened toward the pole.
    const dLat = (reachKm(station) / KM_PER_DEGREE) * 1.01
    const dLng = dLat / Math.cos((Math.min(89, Math.abs(station.lat) + dLat) * Math.PI) / 180)
    const home = { lat: 0, lng: 0 }
    for (const i of this.tree.range(station.lng - dLng, station.lat - dLat, station.lng + dLng, station.lat + dLat)) {
      home.lat = this.lats[i]
      home.lng = this.lngs[i]
      if (assessCircle(station, home).withinCircle) visit(i)
    }
  }

  /** How many elders the circle covers. */
  countInside(station: CircleStation): number {
    let n = 0
    this.inside(station, () => n++)
    return n
  }
}
