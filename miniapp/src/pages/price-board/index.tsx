import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { HOTLINE, STATION_KIND_LABELS, type PriceBoard } from '@carecircle/shared'
import { Page } from '../../components/page'
import { Card, InfoRow } from '../../components/card'
import { CallButton } from '../../components/call-button'
import { BigButton } from '../../components/big-button'
import { Loading } from '../../components/loading'
import { ErrorState } from '../../components/error-state'
import { fetchPriceBoard } from '../../api'
import { useLoad } from '../../lib/use-load'
import { ROUTES, go, readParam, withQuery } from '../../lib/nav'
import { formatDateCn } from '../../lib/time'
import { PriceItem } from './price-item'
import { Inspections } from './inspections'
import { StationRating } from '../../components/station-rating'
import './index.css'

const STATUS_WORDS = { active: '正常服务', suspended: '已暂停接单', closed: '已停业' } as const

function Board({ board }: { board: PriceBoard }) {
  const { station, operator, complaintChannels, version } = board
  return (
    <View className='stack' data-testid='price-board'>
      {station.status === 'suspended' ? (
        <View className='notice bad' role='alert' data-testid='suspended-notice'>
          <View className='t-big'>暂停接单</View>
          <View>这家驿站已被民政部门暂停接单，现在不能在这里预约新的服务。</View>
          <View className='t-strong'>暂停原因：{station.suspendedReason ?? '未写明'}</View>
          <View>请选附近其他驿站。已经预约的，请在“我的订单”里看最新情况。</View>
        </View>
      ) : null}
      <Card title={station.name}>
        <InfoRow label='类型'>{STATION_KIND_LABELS[station.kind]}</InfoRow>
        <InfoRow label='运营单位（公司）'>{operator.name}</InfoRow>
        <InfoRow label='许可/备案号'>{operator.licenceNo}</InfoRow>
        <InfoRow label='地址'>{station.address}</InfoRow>
        <InfoRow label='驿站电话'>{station.phone}</InfoRow>
        <InfoRow label='服务状态'>{STATUS_WORDS[station.status]}</InfoRow>
        <InfoRow label='居民评价（近 90 天）'>
          <StationRating rating={station.rating} ratingCount={station.ratingCount} />
        </InfoRow>
        <InfoRow label='执行日期'>{formatDateCn(version.effectiveFrom)}起执行</InfoRow>
      </Card>

      <View className='notice'>
        价格分三类：无偿对象不用付钱或少付；低偿对象按优惠价；有偿对象按标准价。您属于哪一类由街道和民政部门核定，预约确认前会告诉您要付多少钱。
      </View>

      <View className='section-title'>收费标准</View>
      {board.items.length === 0 ? <View className='notice warn'>这家驿站还没有公布服务价格。</View> : null}
      {board.items.map((item) => (
        <PriceItem key={item.serviceId} item={item} />
      ))}

      <Inspections inspections={board.inspections} />
      <BigButton variant='secondary' testId='honour-board-link' onPress={() => go(ROUTES.honourBoard)}>
        看红黑榜
      </BigButton>

      <View className='section-title'>对收费有疑问，怎么投诉</View>
      <Card>
        <View>1. 在本小程序里投诉：点下面的“投诉这家驿站”；是哪一次服务的问题，也可以在“我的订单”里打开那一单投诉。</View>
        <View>2. 打驿站电话：{complaintChannels.stationPhone}</View>
        <View>3. 打养老服务热线：{complaintChannels.hotline}</View>
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
    </View>
  )
}

/** 明码标价: public, no login. */
export default function PriceBoardPage() {
  const { params } = useRouter()
  const id = readParam(params, 'id')
  const valid = /^[1-9]\d*$/.test(id)
  const board = useLoad(() => fetchPriceBoard(id), [id], valid)
  const station = board.data ? { name: board.data.station.name, phone: board.data.station.phone } : null

  return (
    <Page title='价格公示' station={station}>
      {!valid ? (
        <View className='stack'>
          <View className='notice warn'>没有说明要看哪家驿站的价格。请从驿站列表里选一家。</View>
          <BigButton onPress={() => go(ROUTES.stations)}>去选驿站</BigButton>
        </View>
      ) : null}
      {board.loading ? <Loading /> : null}
      {board.error ? <ErrorState error={board.error} onRetry={board.reload} /> : null}
      {board.data ? <Board board={board.data} /> : null}
    </Page>
  )
}
