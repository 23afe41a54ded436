import { useEffect } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Page } from '../../../components/page'
import { BigButton } from '../../../components/big-button'
import { Loading } from '../../../components/loading'
import { ErrorState } from '../../../components/error-state'
import { VisitRecordCard } from '../../../components/visit-record'
import { fetchVisitRecord } from '../../../api'
import { getToken } from '../../../auth/session'
import { useLoad } from '../../../lib/use-load'
import { ROUTES, back, ensureLoggedIn, readParam, withQuery } from '../../../lib/nav'

/** One completed visit's record (opened from its order): who came, when, how long, what was done, what was collected. */
export default function VisitRecordPage() {
  const { params } = useRouter()
  const orderId = readParam(params, 'orderId')
  const loggedIn = !!getToken()
  useEffect(() => {
    ensureLoggedIn(withQuery(ROUTES.visitRecord, { orderId }), '请先登录，登录后才能看服务记录。')
  }, [])
  const record = useLoad(() => fetchVisitRecord(orderId), [orderId], loggedIn && /^[1-9]\d*$/.test(orderId))

  return (
    <Page title='服务记录' active='orders' station={record.data?.station ?? null}>
      <View className='stack'>
        {record.loading ? <Loading /> : null}
        {record.error ? <ErrorState error={record.error} onRetry={record.reload} /> : null}
        {record.data ? <VisitRecordCard visit={record.data} /> : null}
        <BigButton variant='secondary' onPress={() => back(ROUTES.orders)}>
          返回
        </BigButton>
      </View>
    </Page>
  )
}
