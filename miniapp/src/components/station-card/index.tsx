import { View, Text } from '@tarojs/components'
import { STATION_KIND_LABELS, type NearbyStation } from '@carecircle/shared'
import { Card } from '../card'
import { StationRating } from '../station-rating'
import { metersText, travelText } from '../../lib/words'
import { WholeNumbers } from '../whole-numbers'

export interface StationCardProps {
  station: NearbyStation
  testId?: string
  onPress?: () => void
}

/** A station with how far it is and, in words, whether the person's home is inside its circle — or that it is suspended, and why. */
export function StationCard({ station, testId, onPress }: StationCardProps) {
  const suspended = station.status === 'suspended'
  return (
    <Card title={station.name} testId={testId} onPress={onPress}>
      <View className='t-big' data-testid='station-reach'>
        {/* Time and mode first (the list is ranked by time); the time with its unit and the distance stay whole, the line may break between the parts. */}
        <WholeNumbers text={travelText(station.travelMinutes, station.travelMode)} />
        {' · '}
        <Text className='nowrap'>{metersText(station.distanceMeters)}</Text>
      </View>
      <View>
        <View className={`status ${suspended ? 'bad' : station.withinCircle ? 'ok' : 'warn'}`} data-testid='station-circle' data-status={station.status}>
          {suspended ? '已暂停接单' : station.withinCircle ? '在服务圈内，可以上门' : '不在服务圈内，可能无法上门'}
        </View>
      </View>
      {/* The true reason, as public as on the 红黑榜: not "outside the circle", which would be untrue. */}
      {suspended ? <View data-testid='station-suspended-reason'>暂停原因：{station.suspendedReason ?? '未写明'}</View> : null}
      <StationRating rating={station.rating} ratingCount={station.ratingCount} />
      <View className='t-small'>
        {STATION_KIND_LABELS[station.kind]} · 运营方：{station.operatorName}
      </View>
      <View className='t-small'>地址：{station.address}</View>
      {onPress ? <View className='link-text'>点这里看价格公示 ›</View> : null}
    </Card>
  )
}

export default StationCard
