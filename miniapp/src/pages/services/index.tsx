import { View } from '@tarojs/components'
import { CATEGORY_LABELS, SERVICE_CATEGORIES, type Service } from '@carecircle/shared'
import { Page } from '../../components/page'
import { Card } from '../../components/card'
import { Loading } from '../../components/loading'
import { ErrorState } from '../../components/error-state'
import { BigButton } from '../../components/big-button'
import { OutsideCircleNotice } from '../../components/outside-circle'
import { fetchServices } from '../../api'
import { useLoad } from '../../lib/use-load'
import { useOutsideCircle } from '../../lib/use-outside-circle'
import { startBooking } from '../../lib/booking'
import { ROUTES, go } from '../../lib/nav'
import { AboutMinutes } from '../../components/whole-numbers'

/** The whole menu, grouped by category in the order the policy lists them. */
export default function ServicesPage() {
  const services = useLoad(fetchServices, [])
  const outside = useOutsideCircle()
  const groups = SERVICE_CATEGORIES.map((category) => ({
    category,
    items: (services.data?.services ?? []).filter((s: Service) => s.category === category),
  })).filter((g) => g.items.length > 0)

  return (
    <Page title='全部服务'>
      <View className='stack'>
        {outside.list.map(({ elder, outside: o }) => (
          <OutsideCircleNotice key={elder.id} outside={o} who={outside.several ? elder.name : undefined} />
        ))}
        <View className='t-muted'>
          {outside.list.length && !outside.several
            ? '下面是服务内容和价格，可以先看看；上门预约请先拨打 12349，我们帮您联系。'
            : '点一下服务就可以预约。价格因人而异，预约确认前会告诉您要付多少钱。'}
        </View>
        <BigButton variant='secondary' onPress={() => go(ROUTES.stations)}>
          看各驿站的价格公示
        </BigButton>
        {services.loading ? <Loading /> : null}
        {services.error ? <ErrorState error={services.error} onRetry={services.reload} /> : null}
        {groups.map((g) => (
          <View key={g.category} className='stack'>
            <View className='section-title'>{CATEGORY_LABELS[g.category]}</View>
            {g.items.map((s) => (
              <Card key={s.id} title={s.name} testId='service-item' onPress={() => startBooking(s.id)}>
                <View>{s.description}</View>
                <View className='t-small'>
                  计价单位：{s.unit} · <AboutMinutes minutes={s.durationMinutes} />
                </View>
                <View className='link-text'>点这里预约 ›</View>
              </Card>
            ))}
          </View>
        ))}
      </View>
    </Page>
  )
}
