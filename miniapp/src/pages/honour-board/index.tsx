import { Text, View } from '@tarojs/components'
import { RATING_MIN_COUNT } from '@carecircle/shared'
import { Page } from '../../components/page'
import { Card } from '../../components/card'
import { Loading } from '../../components/loading'
import { ErrorState } from '../../components/error-state'
import { StationRating } from '../../components/station-rating'
import { fetchHonourBoard } from '../../api'
import { useLoad } from '../../lib/use-load'
import { ROUTES, go, withQuery } from '../../lib/nav'
import { formatDateCn } from '../../lib/time'

const openBoard = (id: number) => go(withQuery(ROUTES.priceBoard, { id }))

/** 红黑榜, public (no login): the best-rated stations and the ones the supervisor has suspended, with why. */
export default function HonourBoardPage() {
  const board = useLoad(() => fetchHonourBoard(), [])
  const data = board.data
  return (
    <Page title='红黑榜'>
      <View className='stack' data-testid='honour-board'>
        <View>由民政部门公布。红榜是居民评价最好的驿站；黑榜是被暂停接单的驿站和原因。点一家可以看它的价格和抽查结果。</View>
        {board.loading ? <Loading /> : null}
        {board.error ? <ErrorState error={board.error} onRetry={board.reload} /> : null}
        {data ? (
          <>
            <View className='section-title'>红榜：评价最好的驿站</View>
            <View className='t-muted'>按近 90 天居民评价的平均星级排，至少有 <Text className='num'>{RATING_MIN_COUNT} 条</Text>评价才上榜。</View>
            {data.best.length === 0 ? <View className='notice'>还没有驿站有足够的评价。</View> : null}
            {data.best.map((s, i) => (
              <Card key={s.id} title={`第 ${i + 1} 名 · ${s.name}`} testId='best-item' onPress={() => openBoard(s.id)}>
                <StationRating className='t-big' rating={s.rating} ratingCount={s.ratingCount} />
                <View className='t-small'>运营方：{s.operatorName}</View>
                <View className='link-text'>点这里看价格公示 ›</View>
              </Card>
            ))}
            <View className='section-title'>黑榜：暂停接单的驿站</View>
            {data.suspended.length === 0 ? <View className='notice ok'>现在没有被暂停接单的驿站。</View> : null}
            {data.suspended.map((s) => (
              <Card key={s.id} title={s.name} testId='suspended-item' onPress={() => openBoard(s.id)}>
                <View className='t-strong'>暂停接单（{formatDateCn(s.suspendedAt)}起）</View>
                <View>原因：{s.reason}</View>
                <View className='t-small'>运营方：{s.operatorName}</View>
                <View className='link-text'>点这里看价格公示 ›</View>
              </Card>
            ))}
          </>
        ) : null}
      </View>
    </Page>
  )
}
