import { useState } from 'react'
import { View, Input } from '@tarojs/components'
import { Page } from '../../components/page'
import { Card } from '../../components/card'
import { BigButton } from '../../components/big-button'
import { Loading } from '../../components/loading'
import { ErrorState } from '../../components/error-state'
import { StationRating } from '../../components/station-rating'
import { fetchNearbyStations, fetchPriceBoard } from '../../api'
import { useLoad } from '../../lib/use-load'
import { DISTRICT_CENTRE } from '../../lib/home-point'
import { ROUTES } from '../../lib/nav'
import { useSupervisor } from '../supervisor-only'
import { StationPanel } from './station-panel'

/** 驿站管理: pick a station (nearest the district centre first), then suspend or reinstate it. */
export default function SupervisorStationsPage() {
  const { allowed, notice } = useSupervisor(ROUTES.supervisorStations)
  const stations = useLoad(() => fetchNearbyStations(DISTRICT_CENTRE.lat, DISTRICT_CENTRE.lng, 50), [], allowed)
  const [chosen, setChosen] = useState<number | null>(null)
  const [name, setName] = useState('')
  const shown = (stations.data?.stations ?? []).filter((s) => s.name.includes(name.trim()))
  const board = useLoad(() => fetchPriceBoard(chosen ?? 0), [chosen], chosen !== null)

  return (
    <Page title='驿站管理' nav='supervisor' active='more' help={false}>
      <View className='stack'>
        {notice}
        {chosen === null ? (
          <>
            <View className='t-muted'>选一家驿站，可以暂停它接单（写明原因，会公开），或恢复接单。已停业的驿站不在这里。</View>
            {stations.loading ? <Loading /> : null}
            {stations.error ? <ErrorState error={stations.error} onRetry={stations.reload} /> : null}
            <Input
              className='field'
              value={name}
              placeholder='输入驿站名称里的字，例如 兴隆'
              onInput={(e) => setName(e.detail.value)}
              nativeProps={{ 'aria-label': '按名称找驿站' }}
              data-testid='station-filter'
            />
            {stations.data && shown.length === 0 ? <View className='notice'>没有名称里有“{name.trim()}”的驿站。</View> : null}
            {shown.map((s) => (
              <Card key={s.id} title={s.name} testId='station-item' onPress={() => setChosen(s.id)}>
                <View className='t-small'>运营方：{s.operatorName}</View>
                <View className='t-small'>地址：{s.address}</View>
                <StationRating className='t-small' rating={s.rating} ratingCount={s.ratingCount} />
                <View className='link-text'>点这里暂停或恢复接单 ›</View>
              </Card>
            ))}
          </>
        ) : (
          <>
            <BigButton variant='secondary' testId='change-station' onPress={() => setChosen(null)}>
              ‹ 换一家驿站
            </BigButton>
            {board.loading && !board.data ? <Loading /> : null}
            {board.error ? <ErrorState error={board.error} onRetry={board.reload} /> : null}
            {board.data && board.data.station.id === chosen ? <StationPanel key={chosen} board={board.data} onChanged={board.reload} /> : null}
          </>
        )}
      </View>
    </Page>
  )
}
