import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { PriceBoard } from '@carecircle/shared'
import { Page } from '../../components/page'
import { BigButton } from '../../components/big-button'
import { Loading } from '../../components/loading'
import { ErrorState } from '../../components/error-state'
import { ElderPicker } from '../../components/elder-picker'
import { PriceTable } from '../../components/price-table'
import { fetchHours, fetchPriceBoard } from '../../api'
import { getUser, isResident } from '../../auth/session'
import { useLoad } from '../../lib/use-load'
import { useBookingElder } from '../../lib/use-booking-elder'
import { ROUTES, go, readParam, withQuery } from '../../lib/nav'
import { BoardHeader } from './board-header'
import { BoardDetails } from './board-details'
import { BoardHistory } from './board-history'
import { MyPrices } from './my-prices'
import './index.css'

/** Whose prices lead the board: the elder acting, or the parent a family member picked (as when booking). */
function useReader() {
  const user = getUser()
  const resident = isResident(user)
  const who = useBookingElder()
  const elder = resident ? (who.elders.find((e) => e.id === who.elderId) ?? null) : null
  const hours = useLoad(() => fetchHours(elder!.id), [elder?.id], !!elder)
  const tier = hours.data?.tier ?? null
  return {
    elder,
    several: resident && who.several,
    pickProps: { elders: who.elders, elderId: who.elderId, onPick: who.setElderId },
    // The tier in force (an expired verification already pays the list price); until it loads, /api/me's, where an
    // unverified tier pays the list price too.
    tier: tier?.tier ?? (elder ? (elder.tierVerified ? elder.tier : 'paid') : null),
    explanation: tier?.explanation ?? null,
    heading: !elder ? '' : user?.role === 'elder' ? '您的价格' : `${elder.name}的价格`,
  }
}

function Board({ board }: { board: PriceBoard }) {
  const reader = useReader()
  const [table, setTable] = useState(false)
  const { station } = board
  const mine = reader.elder && reader.tier
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
      <BoardHeader board={board} />
      {board.items.length === 0 ? <View className='notice warn'>这家驿站还没有公布服务价格。</View> : null}
      {reader.several ? <ElderPicker {...reader.pickProps} title='看谁的价格' pickHint='请点一下要看谁的价格。' /> : null}
      {mine && board.items.length > 0 ? (
        <MyPrices
          items={board.items}
          tier={reader.tier!}
          heading={reader.heading}
          explanation={reader.explanation}
          onCompare={(item) => go(withQuery(ROUTES.priceCompare, { elderId: reader.elder!.id, serviceId: item.serviceId, stationId: station.id }))}
        />
      ) : null}
      {mine ? (
        <BigButton variant='secondary' testId='show-tier-table' onPress={() => setTable(!table)}>
          {table ? '收起三类价格' : '看三类价格和服务内容'}
        </BigButton>
      ) : null}
      {!mine || table ? (
        <>
          <View className={`section-title${mine ? '' : ' tight'}`}>收费标准（三类价格）</View>
          <PriceTable items={board.items} highlight={mine ? reader.tier : null} />
          <View className='t-small'>无偿、低偿对象由社区核定；预约确认前会告诉您要付多少钱。</View>
        </>
      ) : null}
      {reader.elder ? null : <View className='t-muted'>登录后先看到您自己要付的价格，还可以和附近驿站比价。</View>}
      <BoardHistory stationId={station.id} />
      <BoardDetails board={board} />
    </View>
  )
}

/** 明码标价: public, no login; a logged-in elder or family member sees their own price first. */
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
