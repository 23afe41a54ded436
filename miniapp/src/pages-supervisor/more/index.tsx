import { View } from '@tarojs/components'
import { Page } from '../../components/page'
import { Tile, TileGrid } from '../../components/tile'
import { ROUTES, go } from '../../lib/nav'
import { useSupervisor } from '../supervisor-only'

const ITEMS = [
  { title: '关爱地图', detail: '服务圈覆盖了多少老人，哪里缺驿站', url: ROUTES.supervisorCareMap, testId: 'menu-care-map' },
  { title: '巡访计划', detail: '独居、空巢老人的定期上门和电话问候', url: ROUTES.supervisorCarePlans, testId: 'menu-care-plans' },
  { title: '巡访情况', detail: '本月按时巡访的比例，过期未巡访的', url: ROUTES.supervisorRoundCoverage, testId: 'menu-care-rounds' },
  { title: '驿站管理', detail: '暂停接单、恢复接单', url: ROUTES.supervisorStations, testId: 'menu-stations' },
  { title: '双随机抽查', detail: '随机抽驿站，记录检查结果', url: ROUTES.supervisorInspections, testId: 'menu-inspections' },
  { title: '收费异常', detail: '实收和预约时不一样的订单', url: ROUTES.supervisorCharges, testId: 'menu-charges' },
  { title: '驿站考评', detail: '各驿站的单量、投诉、评价', url: ROUTES.supervisorFigures, testId: 'menu-figures' },
  { title: '补贴认定', detail: '找老人，认定类别，调整服务时长', url: ROUTES.supervisorElders, testId: 'menu-elders' },
  { title: '补贴对账', detail: '每月各驿站的补贴和实收，下载表格', url: ROUTES.supervisorSubsidy, testId: 'menu-subsidy' },
  { title: '代客下单', detail: '老人打电话来时，代为预约', url: ROUTES.staffPhoneOrder, testId: 'menu-phone-order' },
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
