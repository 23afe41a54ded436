import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { ROUTES, goTop } from '../../lib/nav'
import './index.css'

export type NavArea = 'resident' | 'staff' | 'supervisor'
export type NavKey = 'home' | 'orders' | 'mine' | 'staff' | 'supervisor' | 'complaints' | 'more' | 'phone'

const ITEMS: Record<NavArea, { key: NavKey; label: string; url: string }[]> = {
  resident: [
    { key: 'home', label: '首页', url: ROUTES.home },
    { key: 'orders', label: '我的订单', url: ROUTES.orders },
    { key: 'mine', label: '我的', url: ROUTES.mine },
  ],
  staff: [
    { key: 'staff', label: '今日订单', url: ROUTES.staffOrders },
    // 代客下单 for an elder who phoned in (three characters, so four items fit a 320 px phone in 长辈版); 待确认老人 is reached from it and from 我的.
    { key: 'phone', label: '代下单', url: ROUTES.staffPhoneOrder },
    { key: 'complaints', label: '投诉', url: ROUTES.staffComplaints },
    { key: 'mine', label: '我的', url: ROUTES.mine },
  ],
  supervisor: [
    { key: 'supervisor', label: '待派单', url: ROUTES.supervisorUnassigned },
    { key: 'complaints', label: '投诉督办', url: ROUTES.supervisorComplaints },
    // 驿站管理, 抽查, 收费异常, 考评: one menu, so the bar keeps four short items.
    { key: 'more', label: '更多', url: ROUTES.supervisorMore },
    { key: 'mine', label: '我的', url: ROUTES.mine },
  ],
}

/** The route of the page on top, without a leading slash or query: 'pages/orders/index'. */
function currentRoute(): string {
  const pages = Taro.getCurrentPages()
  const route = pages.length ? (pages[pages.length - 1] as { route?: string }).route ?? '' : ''
  return route.replace(/^\//, '').split('?')[0]
}

/** Our own bottom nav (not Taro's tabBar): big labelled items; the current one is bold with a bar, not marked by colour alone. */
export function BottomNav({ area, active }: { area: NavArea; active?: NavKey }) {
  return (
    <View className={`bottom-nav${ITEMS[area].length > 3 ? ' four' : ''}`} role='navigation' aria-label='主要栏目'>
      {ITEMS[area].map((item) => {
        // A detail page highlights its section; tapping the section still goes to its list.
        const current = item.key === active
        return (
          <View
            key={item.key}
            className={`bottom-nav-item${current ? ' current' : ''}`}
            role='link'
            aria-current={current ? 'page' : undefined}
            data-testid={`nav-${item.key}`}
            onClick={() => {
              if (!(current && currentRoute() === item.url.slice(1))) goTop(item.url)
            }}
          >
            {item.label}
          </View>
        )
      })}
    </View>
  )
}

export default BottomNav
