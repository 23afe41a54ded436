import { useState } from 'react'
import { View } from '@tarojs/components'
import type { MapCell, StationKind, WhatIfResponse } from '@carecircle/shared'
import { Page } from '../../components/page'
import { Loading } from '../../components/loading'
import { ErrorState } from '../../components/error-state'
import { CareMap, CareMapLegend } from '../../components/care-map'
import { uncoveredCells } from '../../components/care-map/map-svg'
import type { LatLng } from '../../components/care-map/projection'
import { fetchCareCoverage, fetchCareMap, toApiError, tryCarePlacement, type ApiError } from '../../api'
import { useLoad } from '../../lib/use-load'
import { ROUTES } from '../../lib/nav'
import { formatDateTime } from '../../lib/time'
import { useSupervisor } from '../supervisor-only'
import { CoverageFigures } from './coverage-figures'
import { WhatIfPanel } from './what-if-panel'
import { ClusterList } from './cluster-list'
import { legendLines } from './legend-lines'

/** 关爱地图: who the 15-minute circles miss, drawn from our own data, and where one more station would help. */
export default function CareMapPage() {
  const { allowed, notice } = useSupervisor(ROUTES.supervisorCareMap)
  const loaded = useLoad(() => Promise.all([fetchCareCoverage(), fetchCareMap()]), [], allowed)
  const [kind, setKind] = useState<StationKind>('station')
  const [result, setResult] = useState<WhatIfResponse | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [coverage, map] = loaded.data ?? [null, null]

  const tryAt = async (point?: LatLng, k: StationKind = kind) => {
    setError(null)
    try {
      setResult(await tryCarePlacement(k, point))
    } catch (err) {
      setError(toApiError(err))
    }
  }
  const tried = result ? (result.candidate ?? result.best) : null
  const candidate = result && tried ? { point: tried.point, radiusMeters: result.radiusMeters } : null
  const clusters = map ? uncoveredCells(map.cells) : []

  return (
    <Page title='关爱地图' nav='supervisor' active='more' help={false}>
      <View className='stack'>
        {notice}
        {loaded.loading ? <Loading /> : null}
        {loaded.error ? <ErrorState error={loaded.error} onRetry={loaded.reload} /> : null}
        {coverage && map ? (
          <>
            <View className='t-small'>按 {formatDateTime(coverage.asOf)} 在岗的驿站计算。</View>
            <CoverageFigures data={coverage} />
            <View className='section-title'>地图</View>
            <CareMap
              data={map}
              candidate={candidate}
              onPick={(p) => void tryAt(p)}
              summary={`关爱地图：${map.stations.length} 个驿站和它们的服务圈，老人按约 ${map.cellMeters} 米的方格计数，${clusters.length} 处有老人在服务圈外。`}
            />
            <CareMapLegend lines={legendLines(map, candidate !== null)} />
            {map.hidden > 0 ? <View className='t-muted'>另有 {map.hidden} 位老人住得分散，为保护隐私不在地图上画出，但都算在上面的数字里。</View> : null}
            <View className='section-title'>假如在这里建站</View>
            <WhatIfPanel kind={kind} onKind={(k) => { setKind(k); setResult(null) }} onBest={() => tryAt()} result={result} shareBefore={coverage.overall.share} />
            {error ? <ErrorState error={error} /> : null}
            <View className='section-title'>服务圈外的老人在哪里</View>
            <ClusterList cells={clusters} onTry={(c: MapCell) => tryAt(c.centre)} />
          </>
        ) : null}
      </View>
    </Page>
  )
}
