import { View, Text } from '@tarojs/components'
import { HOTLINE, STATION_KIND_LABELS, type PriceBoard } from '@carecircle/shared'
import { Card, InfoRow } from '../../components/card'
import { CallButton } from '../../components/call-button'
import { BigButton } from '../../components/big-button'
import { StationRating } from '../../components/station-rating'
import { ROUTES, go, withQuery } from '../../lib/nav'
import { Inspections } from './inspections'

const STATUS_WORDS = { active: '正常服务', suspended: '已暂停接单', closed: '已停业' } as const

/** Below the prices: the station's particulars, the public inspections and how to complain, with the buttons. */
export function BoardDetails({ board }: { board: PriceBoard }) {
  const { station, operator, complaintChannels } = board
  return (
    <>
      <View className='section-title'>驿站信息</View>
      <Card>
        <InfoRow label='类型'>{STATION_KIND_LABELS[station.kind]}</InfoRow>
        <InfoRow label='运营单位（公司）'>{operator.name}</InfoRow>
        <InfoRow label='许可/备案号'>{operator.licenceNo}</InfoRow>
        <InfoRow label='地址'>{station.address}</InfoRow>
        <InfoRow label='驿站电话'>
          <Text className='nowrap'>{station.phone}</Text>
        </InfoRow>
        <InfoRow label='服务状态'>{STATUS_WORDS[station.status]}</InfoRow>
        <InfoRow label='居民评价（近 90 天）'>
          <StationRating rating={station.rating} ratingCount={station.ratingCount} />
        </InfoRow>
      </Card>

      <Inspections inspections={board.inspections} />
      <BigButton variant='secondary' testId='honour-board-link' onPress={() => go(ROUTES.honourBoard)}>
        看红黑榜
      </BigButton>

      <View className='section-title'>对收费有疑问，怎么投诉</View>
      <Card>
        <View>1. 在本小程序里投诉：点下面的“投诉这家驿站”；是哪一次服务的问题，也可以在“我的订单”里打开那一单投诉。</View>
        <View>
          2. 打驿站电话：<Text className='nowrap'>{complaintChannels.stationPhone}</Text>
        </View>
        <View>
          3. 打养老服务热线：<Text className='nowrap'>{complaintChannels.hotline}</Text>
        </View>
      </Card>
      <BigButton variant='secondary' testId='complain-station' onPress={() => go(withQuery(ROUTES.complaintNew, { stationId: station.id }))}>
        投诉这家驿站
      </BigButton>
      <View className='row'>
        <View className='row-item'>
          <CallButton phone={complaintChannels.stationPhone} ariaLabel={`打电话给${station.name}`}>
            打驿站电话
          </CallButton>
        </View>
        <View className='row-item'>
          <CallButton phone={HOTLINE} variant='danger' ariaLabel={`拨打养老服务热线 ${HOTLINE}`}>
            打 {HOTLINE}
          </CallButton>
        </View>
      </View>
    </>
  )
}

export default BoardDetails
