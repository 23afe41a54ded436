import { View, Text } from '@tarojs/components'
import type { OutsideCircle } from '@carecircle/shared'
import { CallButton } from '../call-button'
import { metersText, travelText } from '../../lib/words'
import './index.css'

export interface OutsideCircleNoticeProps {
  outside: OutsideCircle
  /** The elder's name when a family member may book for several. */
  who?: string
}

/**
 * Said before any time is offered: no station's 15-minute circle covers this home, who is nearest and how far,
 * and one tap to 12349 (and to that station) for help.
 */
export function OutsideCircleNotice({ outside, who }: OutsideCircleNoticeProps) {
  const n = outside.nearestStation
  return (
    <View className='outside-circle' data-testid='outside-circle' role='region' aria-label='暂时不能预约上门服务'>
      <View className='outside-circle-title'>{who ? `${who}家` : '您家'}不在驿站的<Text className='num'> 15 分钟</Text>服务圈内</View>
      <View>附近<Text className='num'> 15 分钟</Text>内没有可以上门的驿站，所以这里暂时不能预约上门服务。</View>
      {n ? (
        <View className='outside-circle-nearest'>
          <View>
            离您最近的驿站：<Text className='outside-circle-name'>{n.name}</Text>
          </View>
          <View>
            <Text className='num'>{travelText(n.travelMinutes, n.travelMode)}</Text>（<Text className='num'>{metersText(n.distanceMeters)}</Text>），超出了<Text className='num'> 15 分钟</Text>服务圈。
          </View>
        </View>
      ) : null}
      <View>请拨打 {outside.hotline} 养老服务热线，我们帮您联系能上门的服务。</View>
      <CallButton phone={outside.hotline} variant='primary' ariaLabel={`拨打养老服务热线 ${outside.hotline}`} testId='outside-circle-hotline'>
        拨打 {outside.hotline} 养老服务热线
      </CallButton>
      {n ? (
        <CallButton phone={n.phone} ariaLabel={`打电话给${n.name}`} testId='outside-circle-station'>
          打给{n.name}
        </CallButton>
      ) : null}
    </View>
  )
}

export default OutsideCircleNotice
