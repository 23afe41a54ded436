import { TIERS, type CareMapResponse, type MapCell, type Tier } from '@carecircle/shared'
import { makeFrame, project, withCircle, type Box, type Frame, type LatLng } from './projection'

type MapStation = CareMapResponse['stations'][number]

/** Each tier has a colour AND a pattern (solid / stripes / dots), so the map reads without colour too. */
export const TIER_PATTERNS: Record<Tier, { id: string; words: string; def: string }> = {
  free: { id: 't-free', words: '实心', def: `<pattern id="t-free" width="10" height="10" patternUnits="userSpaceOnUse"><rect width="10" height="10" fill="#5b2a86"/></pattern>` },
  low: { id: 't-low', words: '斜线', def: `<pattern id="t-low" width="12" height="12" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="12" height="12" fill="#ffe3c2"/><rect width="5" height="12" fill="#9a4700"/></pattern>` },
  paid: { id: 't-paid', words: '圆点', def: `<pattern id="t-paid" width="12" height="12" patternUnits="userSpaceOnUse"><rect width="12" height="12" fill="#e3e7ea"/><circle cx="6" cy="6" r="3.2" fill="#263238"/></pattern>` },
}
const DEFS = `<defs>${TIERS.map((t) => TIER_PATTERNS[t].def).join('')}</defs>`
export const COLOURS = { circle: '#1a5fb4', suspended: '#5f6368', uncovered: '#b00020', whatIf: '#7a4b00' } as const

/** A candidate from the what-if tool: where, and how far its circle reaches. */
export interface Candidate { point: LatLng; radiusMeters: number }

export interface MapDrawing { svg: string; frame: Frame }

/** Cells with elders outside every circle, most first; their order gives the letters on the map and in the list. */
export function uncoveredCells(cells: MapCell[]): MapCell[] {
  return cells.filter((c) => c.uncovered > 0).sort((a, b) => b.uncovered - a.uncovered || b.centre.lat - a.centre.lat || a.centre.lng - b.centre.lng)
}
export const clusterLetter = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : String(i + 1))

/** The frame that holds the district, every circle drawn and the candidate's circle. */
export function frameFor(data: Pick<CareMapResponse, 'bounds' | 'stations' | 'cells'>, candidate?: Candidate | null): Frame {
  let box: Box | null = data.bounds
  const grow = (p: LatLng, m: number) => {
    box = box ? withCircle(box, p, m) : withCircle({ south: p.lat, north: p.lat, west: p.lng, east: p.lng }, p, m)
  }
  for (const s of data.stations) grow(s, s.radiusMeters ?? 0)
  if (candidate) grow(candidate.point, candidate.radiusMeters)
  return makeFrame(box ?? { south: 0, west: 0, north: 0, east: 0 })
}

const n = (v: number) => String(Math.round(v * 10) / 10)

function circleOf(f: Frame, s: MapStation): string {
  const active = s.status === 'active'
  const stroke = active ? COLOURS.circle : COLOURS.suspended
  const dash = s.kind === 'complex' ? ' stroke-dasharray="18 9"' : active ? '' : ' stroke-dasharray="4 8"'
  const style = `fill="${stroke}" fill-opacity="0.07" stroke="${stroke}" stroke-width="3"${dash}`
  if (s.polygon) return `<polygon points="${s.polygon.map(([lat, lng]) => { const p = project(f, { lat, lng }); return `${n(p.x)},${n(p.y)}` }).join(' ')}" ${style}/>`
  const c = project(f, s)
  return `<circle cx="${n(c.x)}" cy="${n(c.y)}" r="${n((s.radiusMeters ?? 0) * f.unitsPerMetre)}" ${style}/>`
}

/** 驿站 a round dot, 综合体 a square; a suspended one hollow. */
function markerOf(f: Frame, s: MapStation): string {
  const c = project(f, s)
  const fill = s.status === 'active' ? (s.kind === 'complex' ? '#0b3d75' : COLOURS.circle) : '#ffffff'
  const stroke = s.status === 'active' ? '#ffffff' : COLOURS.suspended
  return s.kind === 'complex'
    ? `<rect x="${n(c.x - 13)}" y="${n(c.y - 13)}" width="26" height="26" fill="${fill}" stroke="${stroke}" stroke-width="4"/>`
    : `<circle cx="${n(c.x)}" cy="${n(c.y)}" r="12" fill="${fill}" stroke="${stroke}" stroke-width="4"/>`
}

/** A cell: stripes as wide as each tier's share of its elders; a red dashed frame when some are outside every circle. */
function cellOf(f: Frame, cell: MapCell): string {
  const a = project(f, { lat: cell.north, lng: cell.west })
  const b = project(f, { lat: cell.south, lng: cell.east })
  const w = b.x - a.x
  const h = b.y - a.y
  let x = a.x
  const stripes = TIERS.filter((t) => cell.byTier[t] > 0).map((t) => {
    const sw = (w * cell.byTier[t]) / cell.count
    const r = `<rect x="${n(x)}" y="${n(a.y)}" width="${n(sw)}" height="${n(h)}" fill="url(#${TIER_PATTERNS[t].id})"/>`
    x += sw
    return r
  })
  const frame = cell.uncovered > 0
    ? `<rect x="${n(a.x - 3)}" y="${n(a.y - 3)}" width="${n(w + 6)}" height="${n(h + 6)}" fill="none" stroke="${COLOURS.uncovered}" stroke-width="6" stroke-dasharray="12 6"/>`
    : `<rect x="${n(a.x)}" y="${n(a.y)}" width="${n(w)}" height="${n(h)}" fill="none" stroke="#1f1f1f" stroke-width="2"/>`
  return stripes.join('') + frame
}

function letterOf(f: Frame, cell: MapCell, letter: string): string {
  const p = project(f, { lat: cell.north, lng: cell.east })
  return `<circle cx="${n(p.x)}" cy="${n(p.y)}" r="26" fill="#ffffff" stroke="${COLOURS.uncovered}" stroke-width="5"/>` +
    `<text x="${n(p.x)}" y="${n(p.y + 12)}" font-size="34" font-weight="700" text-anchor="middle" fill="${COLOURS.uncovered}" font-family="sans-serif">${letter}</text>`
}

function candidateOf(f: Frame, c: Candidate): string {
  const p = project(f, c.point)
  const star = Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 ? 11 : 26
    const a = (Math.PI / 5) * i - Math.PI / 2
    return `${n(p.x + r * Math.cos(a))},${n(p.y + r * Math.sin(a))}`
  }).join(' ')
  return `<circle cx="${n(p.x)}" cy="${n(p.y)}" r="${n(c.radiusMeters * f.unitsPerMetre)}" fill="#ffc107" fill-opacity="0.25" stroke="${COLOURS.whatIf}" stroke-width="6" stroke-dasharray="20 10"/>` +
    `<polygon points="${star}" fill="${COLOURS.whatIf}" stroke="#ffffff" stroke-width="3"/>`
}

/** A 1 km bar in the bottom-left corner, so distances can be judged by eye. */
function scaleBar(f: Frame): string {
  const len = 1000 * f.unitsPerMetre
  const y = f.height - 30
  return `<rect x="14" y="${n(y - 52)}" width="${n(len + 32)}" height="70" fill="#ffffff" fill-opacity="0.85"/>` +
    `<path d="M30 ${n(y - 12)} V${n(y)} H${n(30 + len)} V${n(y - 12)}" fill="none" stroke="#1f1f1f" stroke-width="5"/>` +
    `<text x="30" y="${n(y - 20)}" font-size="30" fill="#1f1f1f" font-family="sans-serif">1 公里</text>`
}

/** The whole map as one SVG: circles under cells under markers, then the candidate and the letters on top. */
export function drawCareMap(data: Pick<CareMapResponse, 'bounds' | 'stations' | 'cells'>, candidate?: Candidate | null): MapDrawing {
  const f = frameFor(data, candidate)
  const letters = uncoveredCells(data.cells).map((c, i) => letterOf(f, c, clusterLetter(i)))
  const body = [
    `<rect width="${f.width}" height="${f.height}" fill="#f7f7f2"/>`,
    ...data.stations.map((s) => circleOf(f, s)),
    ...data.cells.map((c) => cellOf(f, c)),
    ...data.stations.map((s) => markerOf(f, s)),
    candidate ? candidateOf(f, candidate) : '',
    ...letters,
    scaleBar(f),
  ].join('')
  return { svg: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${f.width} ${f.height}" width="${f.width}" height="${f.height}">${DEFS}${body}</svg>`, frame: f }
}

/** The small picture beside a legend line: the same shapes and patterns as on the map. */
export function legendSwatch(kind: Tier | 'station' | 'complex' | 'circle' | 'uncovered' | 'candidate'): string {
  const inner: Record<typeof kind, string> = {
    free: `<rect x="4" y="4" width="40" height="40" fill="url(#t-free)" stroke="#1f1f1f" stroke-width="2"/>`,
    low: `<rect x="4" y="4" width="40" height="40" fill="url(#t-low)" stroke="#1f1f1f" stroke-width="2"/>`,
    paid: `<rect x="4" y="4" width="40" height="40" fill="url(#t-paid)" stroke="#1f1f1f" stroke-width="2"/>`,
    station: `<circle cx="24" cy="24" r="12" fill="${COLOURS.circle}" stroke="#ffffff" stroke-width="4"/>`,
    complex: `<rect x="11" y="11" width="26" height="26" fill="#0b3d75"/>`,
    circle: `<circle cx="24" cy="24" r="20" fill="${COLOURS.circle}" fill-opacity="0.07" stroke="${COLOURS.circle}" stroke-width="3"/>`,
    uncovered: `<rect x="6" y="6" width="36" height="36" fill="none" stroke="${COLOURS.uncovered}" stroke-width="5" stroke-dasharray="8 4"/>`,
    candidate: `<circle cx="24" cy="24" r="20" fill="#ffc107" fill-opacity="0.25" stroke="${COLOURS.whatIf}" stroke-width="4" stroke-dasharray="8 4"/>`,
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48">${DEFS}${inner[kind]}</svg>`
}
