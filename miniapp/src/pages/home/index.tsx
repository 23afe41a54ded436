import { useState } from 'react'
import { View } from '@tarojs/components'
import { CATEGORY_LABELS, SERVICE_CATEGORIES, type Service } from '@carecircle/shared'
import { Page } from '../../components/page'
import { Tile, TileGrid } from '../../components/tile'
import { StationCard } from '../../components/station-card'
import { CareModeToggle } from '../../components/care-mode-toggle'
import { BigButton } from '../../components/big-button'
import { Loading } from '../../components/loading'
import { AboutMinutes } from '../../components/whole-numbers'
import { ErrorState } from '../../components/error-state'
import { fetchServices, fetchNearbyStations } from '../../api'
import { useLoad } from '../../lib/use-load'
import { loadHomePoint, type HomePoint } from '../../lib/home-point'
import { saveServingStation } from '../../lib/help-contacts'
import { startBooking } from '../../lib/booking'
import { ROUTES, go, withQuery } from '../../lib/nav'
import { getUser } from '../../auth/session'

const TILE_COUNT = 8

function byCategory(a: Service, b: Service): number {
  return SERVICE_CATEGORIES.indexOf(a.category) - SERVICE_CATEGORIES.indexOf(b.category) || a.id - b.id
}

export default function HomePage() {
  const user = getUser()
  const services = useLoad(fetchServices, [])
  const [home, setHome] = useState<HomePoint | null>(null)
  const nearby = useLoad(async () => {
    const point = await loadHomePoint()
    setHome(point)
    const found = await fetchNearbyStations(point.point.lat, point.point.lng)
    // Before the page shows it: the help bar calls whoever serves the home now, never a suspended station.
    saveServingStation(found.servingStation)
    return found
  }, [])

  const nearest = nearby.data?.stations.slice().sort((a, b) => a.travelMinutes - b.travelMinutes || a.distanceMeters - b.distanceMeters)[0]
  const serving = nearby.data?.servingStation ?? null

  const tiles = services.data?.services.slice().sort(byCategory).slice(0, TILE_COUNT) ?? []

  return (
    <Page title={user ? `${user.name}，您好` : '您好，欢迎使用颐邻'} active='home' station={serving}>
      <View className='stack'>
        {/* Compact, so the first services show on a 320 px phone in 长辈版 too; the services come next. */}
        <CareModeToggle />

        <View className='section-title first'>预约上门服务</View>
        {services.loading ? <Loading /> : null}
        {services.error ? <ErrorState error={services.error} onRetry={services.reload} /> : null}
        {tiles.length ? (
          <TileGrid>
            {tiles.map((s) => (
              <Tile
                key={s.id}
                title={s.name}
                detail={<>{CATEGORY_LABELS[s.category]} · <AboutMinutes minutes={s.durationMinutes} /></>}
                testId='service-tile'
                onPress={() => startBooking(s.id)}
              />
            ))}
            <Tile title='全部服务' detail='看全部服务项目' testId='all-services' onPress={() => go(ROUTES.services)} />
          </TileGrid>
        ) : null}
        <View className='t-muted'>点一下要的服务，选个时间，再确认，就约好了。</View>

        {user?.role === 'family' ? (
          <BigButton testId='home-family' onPress={() => go(ROUTES.family)}>
            我的家人：看老人的预约和上门记录
          </BigButton>
        ) : null}
        {user?.role === 'elder' || user?.role === 'family' ? (
          <BigButton variant='secondary' testId='home-subsidy' onPress={() => go(ROUTES.subsidy)}>
            {user.role === 'elder' ? '我的补贴：本周还有多少服务时长' : '老人的补贴：本周还有多少服务时长'}
          </BigButton>
        ) : null}

        <View className='section-title'>离您最近的驿站</View>
        {home ? <View className='t-small'>{home.note}</View> : null}
        {nearby.loading ? <Loading text='正在查找附近的驿站……' /> : null}
        {nearby.error ? <ErrorState error={nearby.error} onRetry={nearby.reload} /> : null}
        {nearby.data && !nearest ? (
          <View className='notice warn'>附近没有找到驿站。您可以拨打上方的 12349 热线，请他们帮您安排。</View>
        ) : null}
        {nearest ? (
          <StationCard station={nearest} testId='nearest-station' onPress={() => go(withQuery(ROUTES.priceBoard, { id: nearest.id }))} />
        ) : null}
        {/* The nearest cannot come (suspended, or the home is outside its circle): who comes instead, or nobody. */}
        {nearest && serving && serving.id !== nearest.id ? (
          <>
            <View className='t-strong' data-testid='serving-station-title'>现在为您上门的驿站：</View>
            <StationCard station={serving} testId='serving-station' onPress={() => go(withQuery(ROUTES.priceBoard, { id: serving.id }))} />
          </>
        ) : null}
        {nearest && !serving ? (
          <View className='notice warn' data-testid='no-serving-station'>
            附近驿站现在都不能上门。请拨打上方的 12349 热线，请他们帮您安排。
          </View>
        ) : null}
        <BigButton variant='secondary' onPress={() => go(ROUTES.stations)} testId='all-stations'>
          附近全部驿站
        </BigButton>
        <BigButton
          variant='secondary'
          onPress={() => go(nearest ? withQuery(ROUTES.priceBoard, { id: (serving ?? nearest).id }) : ROUTES.stations)}
          testId='price-board-link'
        >
          价格公示（收费标准）
        </BigButton>
      </View>
    </Page>
  )
}
