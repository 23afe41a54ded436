/**
 * The care map's projection: our own data on a flat frame (no tiles). Over a district a few kilometres wide an
 * equirectangular projection at the middle latitude is true to within a fraction of a percent, so a circle of
 * radius r metres stays a circle of r × unitsPerMetre units. The frame is WIDTH units wide; its height follows.
 */
export const WIDTH = 1000
const M_PER_DEG_LAT = 111_320

export interface Box { south: number; west: number; north: number; east: number }
export interface LatLng { lat: number; lng: number }
export interface Frame {
  west: number
  north: number
  /** SVG units per degree of longitude / latitude. */
  kx: number
  ky: number
  unitsPerMetre: number
  width: number
  height: number
}

/** The box grown to hold a circle of `metres` around `p`. */
export function withCircle(box: Box, p: LatLng, metres: number): Box {
  const dLat = metres / M_PER_DEG_LAT
  const dLng = metres / (M_PER_DEG_LAT * Math.cos((p.lat * Math.PI) / 180))
  return { south: Math.min(box.south, p.lat - dLat), north: Math.max(box.north, p.lat + dLat), west: Math.min(box.west, p.lng - dLng), east: Math.max(box.east, p.lng + dLng) }
}

/** A frame over `box` with a margin of `marginMetres` on each side; a degenerate box gets at least 1 km. */
export function makeFrame(box: Box, marginMetres = 200): Frame {
  const midLat = (box.south + box.north) / 2
  const mPerDegLng = M_PER_DEG_LAT * Math.cos((midLat * Math.PI) / 180)
  const minHalf = 500
  const cx = (box.west + box.east) / 2
  const cy = midLat
  const halfW = Math.max(((box.east - box.west) * mPerDegLng) / 2, minHalf) + marginMetres
  const halfH = Math.max(((box.north - box.south) * M_PER_DEG_LAT) / 2, minHalf) + marginMetres
  const unitsPerMetre = WIDTH / (2 * halfW)
  return {
    west: cx - halfW / mPerDegLng,
    north: cy + halfH / M_PER_DEG_LAT,
    kx: mPerDegLng * unitsPerMetre,
    ky: M_PER_DEG_LAT * unitsPerMetre,
    unitsPerMetre,
    width: WIDTH,
    height: Math.round(2 * halfH * unitsPerMetre),
  }
}

export function project(f: Frame, p: LatLng): { x: number; y: number } {
  return { x: (p.lng - f.west) * f.kx, y: (f.north - p.lat) * f.ky }
}

export function unproject(f: Frame, x: number, y: number): LatLng {
  return { lat: round6(f.north - y / f.ky), lng: round6(f.west + x / f.kx) }
}

/** A tap at (fx, fy), fractions of the drawn image's width and height, as a point on the ground. */
export function pointAt(f: Frame, fx: number, fy: number): LatLng | null {
  if (!(fx >= 0 && fx <= 1 && fy >= 0 && fy <= 1)) return null
  return unproject(f, fx * f.width, fy * f.height)
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6
