import { View } from '@tarojs/components'
import { Page } from '../../components/page'
import { Tile, TileGrid } from '../../components/tile'
import { ROUTES, go } from '../../lib/nav'
import { useSupervisor } from '../supervisor-only'

const ITEMS = [
  { title: '驿站管理', detail: '暂停接单、恢复接单', url: ROUTES.supervisorStations, testId: 'menu-stations' },
  { title: '双随机抽查', detail: '随机抽驿站，记录检查结果', url: ROUTES.supervisorInspections, testId: 'menu-inspections' },
  { title: '收费异常', detail: '实收和预约时不一样的订单', url: ROUTES.supervisorCharges, testId: 'menu-charges' },
  { title: '驿站考评', detail: '各驿站的单量、投诉、评价', url: ROUTES.supervisorFigures, testId: 'menu-figures' },
  { title: '代客下单', detail: '老人打电话来，替他预约', url: ROUTES.staffPhoneOrder, testId: 'menu-phone-order' },
  { title: '待确认老人', detail: '家属建的档，见过老人后确认', url: ROUTES.staffPendingElders, testId: 'menu-pending-elders' },
  { title: '红黑榜', detail: '居民看到的红黑榜', url: ROUTES.honourBoard, testId: 'menu-honour-board' },
]

/** The supervisor's other work, one tile each, so the bottom bar stays short. */
export default function SupervisorMorePage() {
  const { notice } = useSupervisor(ROUTES.supervisorMore)
  return (
    <Page title='监管工作' nav='supervisor' active='more' help={false}>
      <View className='stack'>
        {notice}
        <TileGrid>
          {ITEMS.map((i) => (
            <Tile key={i.url} title={i.title} detail={i.detail} testId={i.testId} onPress={() => go(i.url)} />
          ))}
        </TileGrid>
      </View>
    </Page>
  )
}
