import { View, Text } from '@tarojs/components'
import { STATION_KIND_LABELS, type NearbyStation } from '@carecircle/shared'
import { Card } from '../card'
import { StationRating } from '../station-rating'
import { metersText, travelText } from '../../lib/words'

export interface StationCardProps {
  station: NearbyStation
  testId?: string
  onPress?: () => void
}

/** A station with how far it is and, in words, whether the person's home is inside its circle. */
export function StationCard({ station, testId, onPress }: StationCardProps) {
  return (
    <Card title={station.name} testId={testId} onPress={onPress}>
      <View className='t-big' data-testid='station-reach'>
        {/* Time and mode first (the list is ranked by time); each part stays whole, the line may break between them. */}
        <Text className='nowrap'>{travelText(station.travelMinutes, station.travelMode)}</Text>
        {' · '}
        <Text className='nowrap'>{metersText(station.distanceMeters)}</Text>
      </View>
      <View>
        <View className={`status ${station.withinCircle ? 'ok' : 'warn'}`} data-testid='station-circle'>
          {station.withinCircle ? '在服务圈内，可以上门' : '不在服务圈内，可能无法上门'}
        </View>
      </View>
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
