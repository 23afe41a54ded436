import { useMemo } from 'react'
import Taro from '@tarojs/taro'
import { Image, View } from '@tarojs/components'
import type { CareMapResponse } from '@carecircle/shared'
import { drawCareMap, legendSwatch, type Candidate } from './map-svg'
import { pointAt, type LatLng } from './projection'
import { svgDataUri } from './base64'
import './index.css'

export interface CareMapProps {
  data: CareMapResponse
  candidate?: Candidate | null
  /** A tap on the map, as a point on the ground (the what-if tool); left out, the map is a picture only. */
  onPick?: (point: LatLng) => void
  /** Read aloud instead of the picture: what the map shows, in words. */
  summary: string
}

type TapEvent = { clientX?: number; clientY?: number; changedTouches?: { clientX: number; clientY: number }[]; detail?: { x?: number; y?: number } }

/** Where the finger or mouse was, in viewport coordinates, on weapp and on H5. */
function tapAt(e: TapEvent): { x: number; y: number } | null {
  const t = e.changedTouches?.[0]
  if (t) return { x: t.clientX, y: t.clientY }
  if (typeof e.clientX === 'number' && typeof e.clientY === 'number') return { x: e.clientX, y: e.clientY }
  return null
}

/**
 * The 关爱地图 drawn from our own data as one SVG picture (an <Image> with a data URI: weapp has no inline SVG),
 * so it needs no map tiles or map service. A tap is turned back into a point through the same projection.
 */
export function CareMap({ data, candidate, onPick, summary }: CareMapProps) {
  const drawing = useMemo(() => drawCareMap(data, candidate), [data, candidate])
  const src = useMemo(() => svgDataUri(drawing.svg), [drawing])

  const onTap = (e: TapEvent) => {
    const at = tapAt(e)
    if (!onPick || !at) return
    Taro.createSelectorQuery()
      .select('#care-map-picture')
      .boundingClientRect((rect) => {
        const r = Array.isArray(rect) ? rect[0] : rect
        if (!r || !r.width || !r.height) return
        const point = pointAt(drawing.frame, (at.x - r.left) / r.width, (at.y - r.top) / r.height)
        if (point) onPick(point)
      })
      .exec()
  }

  return (
    // The box keeps the picture's proportions (padding in % of the width), so no platform default height crops it.
    <View className='care-map' data-testid='care-map' style={`padding-bottom: ${((drawing.frame.height / drawing.frame.width) * 100).toFixed(2)}%`}>
      <Image
        id='care-map-picture'
        className='care-map-picture'
        src={src}
        mode='scaleToFill'
        ariaLabel={summary}
        nativeProps={{ alt: summary }}
        onClick={onTap as never}
        data-testid='care-map-picture'
      />
    </View>
  )
}

export interface LegendLine { swatch: Parameters<typeof legendSwatch>[0]; words: string }

/** The legend as text beside small pictures of the same shapes: it grows with 长辈版 like every other word. */
export function CareMapLegend({ lines }: { lines: LegendLine[] }) {
  return (
    <View className='care-legend' data-testid='care-legend'>
      {lines.map((l) => (
        <View key={l.swatch} className='care-legend-line' data-swatch={l.swatch}>
          <Image className='care-legend-swatch' src={svgDataUri(legendSwatch(l.swatch))} ariaLabel='' nativeProps={{ alt: '' }} />
          <View className='care-legend-words'>{l.words}</View>
        </View>
      ))}
    </View>
  )
}

export default CareMap
