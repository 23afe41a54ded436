import { render } from '@testing-library/react'
import type { CareMapResponse, MapCell } from '@carecircle/shared'
import { makeFrame, pointAt, project, unproject, withCircle } from './projection'
import { clusterLetter, drawCareMap, frameFor, uncoveredCells } from './map-svg'
import { utf8Base64 } from './base64'
import { CareMapLegend } from '.'

// A district 1 km × 1 km at 28.88 N, so the scale is easy to check by hand.
const LAT = 28.88
const M_LNG = 111_320 * Math.cos((LAT * Math.PI) / 180)
const BOX = { south: LAT - 500 / 111_320, north: LAT + 500 / 111_320, west: 105.44 - 500 / M_LNG, east: 105.44 + 500 / M_LNG }

const cell = (over: Partial<MapCell>): MapCell => ({
  south: LAT - 0.002, west: 105.438, north: LAT, east: 105.44, centre: { lat: LAT - 0.001, lng: 105.439 },
  count: 4, byTier: { free: 1, low: 1, paid: 2 }, uncovered: 0, merged: false, ...over,
})
const MAP: CareMapResponse = {
  asOf: '2026-11-24T10:00:00+08:00', cellMeters: 500, bounds: BOX, hidden: 1,
  stations: [
    { id: 1, name: '兴隆驿站', kind: 'station', status: 'active', lat: LAT, lng: 105.44, radiusMeters: 865, polygon: null },
    { id: 2, name: '城南综合体', kind: 'complex', status: 'suspended', lat: LAT + 0.001, lng: 105.441, radiusMeters: 2000, polygon: null },
  ],
  cells: [cell({}), cell({ uncovered: 3, centre: { lat: LAT + 0.003, lng: 105.44 } }), cell({ uncovered: 5, centre: { lat: LAT - 0.003, lng: 105.44 } })],
}

describe('map projection', () => {
  it('keeps metres the same east–west and north–south (a circle stays round)', () => {
    const f = makeFrame(BOX, 0)
    expect(f.width).toBe(1000)
    expect(f.height).toBe(1000) // 1 km by 1 km
    expect(f.unitsPerMetre).toBeCloseTo(1, 6)
    const centre = project(f, { lat: LAT, lng: 105.44 })
    expect(centre.x).toBeCloseTo(500, 3)
    expect(centre.y).toBeCloseTo(500, 3)
    // 100 m north is 100 units up; 100 m east is 100 units right.
    expect(project(f, { lat: LAT + 100 / 111_320, lng: 105.44 }).y).toBeCloseTo(400, 1)
    expect(project(f, { lat: LAT, lng: 105.44 + 100 / M_LNG }).x).toBeCloseTo(600, 1)
  })

  it('turns a tap back into the point that was drawn there, and refuses taps off the picture', () => {
    const f = makeFrame(BOX)
    const p = { lat: 28.8812, lng: 105.4391 }
    const { x, y } = project(f, p)
    expect(unproject(f, x, y)).toEqual(p)
    expect(pointAt(f, x / f.width, y / f.height)).toEqual(p)
    expect(pointAt(f, 1.2, 0.5)).toBeNull()
    expect(pointAt(f, Number.NaN, 0.5)).toBeNull()
  })

  it('grows the frame to hold every circle and the candidate’s', () => {
    const inner = frameFor({ ...MAP, stations: [] })
    const withComplex = frameFor(MAP)
    expect(withComplex.unitsPerMetre).toBeLessThan(inner.unitsPerMetre)
    const far = { point: { lat: LAT - 0.05, lng: 105.44 }, radiusMeters: 865 }
    const f = frameFor(MAP, far)
    const c = project(f, far.point)
    expect(c.y + 865 * f.unitsPerMetre).toBeLessThanOrEqual(f.height)
    expect(withCircle(BOX, { lat: LAT, lng: 105.44 }, 0)).toEqual(BOX)
  })
})

describe('map drawing', () => {
  it('letters uncovered cells, most uncovered first, and frames them in red dashes', () => {
    const cells = uncoveredCells(MAP.cells)
    expect(cells.map((c) => c.uncovered)).toEqual([5, 3])
    expect([0, 1, 26].map(clusterLetter)).toEqual(['A', 'B', '27'])
    const { svg } = drawCareMap(MAP)
    expect(svg.match(/stroke-dasharray="12 6"/g)).toHaveLength(2)
    expect(svg).toContain('>A</text>')
    expect(svg).toContain('>B</text>')
  })

  it('draws each tier in its own pattern, a 综合体 as a square, a suspended station hollow, never a name', () => {
    const { svg } = drawCareMap(MAP)
    for (const id of ['t-free', 't-low', 't-paid']) expect(svg).toContain(`fill="url(#${id})"`)
    expect(svg).toMatch(/<rect x="[\d.]+" y="[\d.]+" width="26" height="26" fill="#ffffff"/) // the suspended complex
    expect(svg).not.toContain('兴隆')
    expect(svg).toContain('1 公里')
  })

  it('draws the candidate’s circle only when there is one', () => {
    expect(drawCareMap(MAP).svg).not.toContain('#ffc107')
    expect(drawCareMap(MAP, { point: { lat: LAT, lng: 105.44 }, radiusMeters: 865 }).svg).toContain('#ffc107')
  })

  it('encodes Chinese text in the data URI as UTF-8 base64', () => {
    expect(utf8Base64('abc')).toBe('YWJj')
    expect(utf8Base64('1 公里')).toBe(Buffer.from('1 公里', 'utf8').toString('base64'))
    expect(utf8Base64('ab')).toBe('YWI=')
  })
})

describe('legend', () => {
  it('says every symbol in words beside its picture', () => {
    const { getByTestId } = render(
      <CareMapLegend lines={[{ swatch: 'free', words: '实心方块：无偿' }, { swatch: 'uncovered', words: '红色虚线框：有老人在服务圈外' }]} />,
    )
    const legend = getByTestId('care-legend')
    expect(legend.textContent).toContain('实心方块：无偿')
    expect(legend.textContent).toContain('红色虚线框：有老人在服务圈外')
    expect(legend.querySelectorAll('[data-swatch]')).toHaveLength(2)
  })
})
