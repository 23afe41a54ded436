/**
 * A square grid over the district (cells of `cellMeters`, east–west steps fixed at one reference latitude so every
 * report and the map draw the same cells). Keys are numbers: rows and columns packed, cheap for a million elders.
 */
export interface Grid {
  cellMeters: number
  refLat: number
  latStep: number
  lngStep: number
}

/** The care map's cell: about 500 m, a few minutes' walk — coarse enough that a cell is never one home. */
export const CELL_METERS = 500
const METERS_PER_DEGREE = 111_195 // on the mean earth radius, as greatCircleMeters measures

export function makeGrid(cellMeters = CELL_METERS, refLat = 0): Grid {
  const latStep = cellMeters / METERS_PER_DEGREE
  return { cellMeters, refLat, latStep, lngStep: latStep / Math.cos((refLat * Math.PI) / 180) }
}

/** The same grid with cells twice as large: each of its cells is exactly 2 × 2 of the finer one's. */
export const coarser = (g: Grid): Grid => makeGrid(g.cellMeters * 2, g.refLat)

const ROW_OFFSET = 2 ** 20
const COL_SPAN = 2 ** 22
const COL_OFFSET = 2 ** 21

export function cellKey(g: Grid, lat: number, lng: number): number {
  return (Math.floor(lat / g.latStep) + ROW_OFFSET) * COL_SPAN + Math.floor(lng / g.lngStep) + COL_OFFSET
}

/** The key, in the 2× coarser grid, of the cell that holds this one. */
export function parentKey(key: number): number {
  const row = Math.floor(key / COL_SPAN) - ROW_OFFSET
  const col = (key % COL_SPAN) - COL_OFFSET
  return (Math.floor(row / 2) + ROW_OFFSET) * COL_SPAN + Math.floor(col / 2) + COL_OFFSET
}

export interface CellBounds {
  south: number
  west: number
  north: number
  east: number
  centre: { lat: number; lng: number }
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6

export function cellBounds(g: Grid, key: number): CellBounds {
  const row = Math.floor(key / COL_SPAN) - ROW_OFFSET
  const col = (key % COL_SPAN) - COL_OFFSET
  const south = row * g.latStep
  const west = col * g.lngStep
  return {
    south: round6(south), west: round6(west), north: round6(south + g.latStep), east: round6(west + g.lngStep),
    centre: { lat: round6(south + g.latStep / 2), lng: round6(west + g.lngStep / 2) },
  }
}
