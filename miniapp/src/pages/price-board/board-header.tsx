import { View, Text } from '@tarojs/components'
import type { PriceBoard } from '@carecircle/shared'
import { formatDateCn } from '../../lib/time'

/**
 * What 明码标价 must show first, in little room: the station, the company running it, since when these prices
 * hold, and the three ways to complain (the numbers never broken across lines).
 */
export function BoardHeader({ board }: { board: PriceBoard }) {
  const { station, operator, complaintChannels, version } = board
  return (
    <View className='card board-header' data-testid='board-header'>
      <View className='card-title'>{station.name}</View>
      <View data-testid='board-operator'>
        运营单位：<Text className='t-strong'>{operator.name}</Text>
      </View>
      <View>
        价格执行日期：<Text className='nowrap'>{formatDateCn(version.effectiveFrom)}</Text>起
      </View>
      <View className='board-complain' data-testid='board-complain'>
        收费有疑问：打驿站 <Text className='nowrap'>{complaintChannels.stationPhone}</Text>、热线{' '}
        <Text className='nowrap'>{complaintChannels.hotline}</Text>，或在本页最下面投诉
      </View>
    </View>
  )
}

export default BoardHeader
