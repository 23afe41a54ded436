import { useEffect } from 'react'
import { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { TRAVEL_MODE_LABELS, formatYuan, type PriceComparison, type TravelMode } from '@carecircle/shared'
import { Page } from '../../components/page'
import { Card } from '../../components/card'
import { Loading } from '../../components/loading'
import { ErrorState } from '../../components/error-state'
import { StationRating } from '../../components/station-rating'
import { fetchPriceComparison } from '../../api'
import { useLoad } from '../../lib/use-load'
import { getToken } from '../../auth/session'
import { sortComparison } from '../../lib/prices'
import { metersText, travelText } from '../../lib/words'
import { ROUTES, ensureLoggedIn, go, readParam, withQuery } from '../../lib/nav'

const isId = (v: string) => /^[1-9]\d*$/.test(v)
const modeOf = (m: string): TravelMode => (m in TRAVEL_MODE_LABELS ? (m as TravelMode) : 'walk')

function StationPrice({ s, current, unit }: { s: PriceComparison['stations'][number]; current: boolean; unit: string }) {
  return (
    <Card
      title={`${s.name}${current ? '（正在看的驿站）' : ''}`}
      testId='compare-item'
      onPress={() => go(withQuery(ROUTES.priceBoard, { id: s.stationId }))}
    >
      <View className='t-big' data-testid='compare-price' data-fen={s.yourPriceFen}>
        应付 <Text className='nowrap'>¥{formatYuan(s.yourPriceFen)}/{unit}</Text>
      </View>
      {s.listPriceFen !== s.yourPriceFen ? (
        <View className='t-small'>
          标准价 <Text className='nowrap'>¥{formatYuan(s.listPriceFen)}</Text>
        </View>
      ) : null}
      {s.status === 'suspended' ? <View className='status bad'>已暂停接单，现在不能预约</View> : null}
      <View>
        <Text className='nowrap'>{travelText(s.travelMinutes, modeOf(s.travelMode))}</Text>
        {' · '}
        <Text className='nowrap'>{metersText(s.distanceMeters)}</Text>
      </View>
      <StationRating rating={s.rating} ratingCount={s.ratingCount} />
      <View className='t-small'>运营方：{s.operatorName}</View>
      <View className='link-text'>看这家的价格公示 ›</View>
    </Card>
  )
}

/** 与附近驿站比价: one service at every station that can come to this elder's home, their own price first. */
export default function PriceComparePage() {
  const { params } = useRouter()
  const elderId = readParam(params, 'elderId')
  const serviceId = readParam(params, 'serviceId')
  const current = Number(readParam(params, 'stationId'))
  useEffect(() => {
    ensureLoggedIn(withQuery(ROUTES.priceCompare, { elderId, serviceId, stationId: current || undefined }), '请先登录，登录后才能按您的价格比价。')
  }, [])
  const valid = isId(elderId) && isId(serviceId) && !!getToken()
  const cmp = useLoad(() => fetchPriceComparison(Number(elderId), Number(serviceId)), [elderId, serviceId], valid)
  const data = cmp.data
  const stations = data ? sortComparison(data.stations) : []

  return (
    <Page title={data ? `${data.service.name}：与附近驿站比价` : '与附近驿站比价'}>
      <View className='stack' data-testid='price-compare'>
        {!isId(elderId) || !isId(serviceId) ? <View className='notice warn'>没有说明要比哪项服务。请回到价格公示，点一项服务再比价。</View> : null}
        {cmp.loading ? <Loading /> : null}
        {cmp.error ? <ErrorState error={cmp.error} onRetry={cmp.reload} /> : null}
        {data ? (
          <>
            <View className='notice' data-testid='compare-basis'>
              {data.basis}。下面是能上门到家的驿站，点一家看它的全部价格。
            </View>
            {stations.length === 0 ? <View className='notice warn'>附近能上门的驿站都没有这项服务。可以拨打 12349 请他们帮忙安排。</View> : null}
            {stations.map((s) => (
              <StationPrice key={s.stationId} s={s} current={s.stationId === current} unit={data.service.unit} />
            ))}
            {data.notOffered > 0 ? <View className='t-muted'>另有 {data.notOffered} 家能上门的驿站没有这项服务。</View> : null}
          </>
        ) : null}
      </View>
    </Page>
  )
}
