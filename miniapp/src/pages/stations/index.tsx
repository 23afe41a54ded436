import { useState } from 'react'
import { View } from '@tarojs/components'
import { Page } from '../../components/page'
import { StationCard } from '../../components/station-card'
import { Loading } from '../../components/loading'
import { ErrorState } from '../../components/error-state'
import { fetchNearbyStations } from '../../api'
import { useLoad } from '../../lib/use-load'
import { loadHomePoint, type HomePoint } from '../../lib/home-point'
import { ROUTES, go, withQuery } from '../../lib/nav'
import { saveServingStation } from '../../lib/help-contacts'

/** Nearby stations, nearest first; tap one to read its price board. */
export default function StationsPage() {
  const [home, setHome] = useState<HomePoint | null>(null)
  const nearby = useLoad(async () => {
    const point = await loadHomePoint()
    setHome(point)
    const found = await fetchNearbyStations(point.point.lat, point.point.lng)
    saveServingStation(found.servingStation)
    return found
  }, [])
  const stations = nearby.data?.stations.slice().sort((a, b) => a.travelMinutes - b.travelMinutes || a.distanceMeters - b.distanceMeters) ?? []

  return (
    <Page title='附近的驿站' station={nearby.data?.servingStation ?? null}>
      <View className='stack'>
        {home ? <View className='t-small'>{home.note}</View> : null}
        <View className='t-muted'>路上最快能到的驿站排在前面。“在服务圈内”表示驿站可以上门为您服务；“已暂停接单”的驿站现在不接新的预约。点一下驿站，看它的收费标准。</View>
        {nearby.loading ? <Loading text='正在查找附近的驿站……' /> : null}
        {nearby.error ? <ErrorState error={nearby.error} onRetry={nearby.reload} /> : null}
        {nearby.data && stations.length === 0 ? (
          <View className='notice warn'>附近没有找到驿站。请拨打上方的 12349 热线，请他们帮您安排。</View>
        ) : null}
        {stations.map((s) => (
          <StationCard key={s.id} station={s} testId='station-item' onPress={() => go(withQuery(ROUTES.priceBoard, { id: s.id }))} />
        ))}
      </View>
    </Page>
  )
}
