import { useEffect } from 'react'
import { useRouter } from '@tarojs/taro'
import { Page } from '../../../components/page'
import { ComplaintDetail } from '../../../components/complaint-detail'
import { getToken, getUser } from '../../../auth/session'
import { ROUTES, ensureLoggedIn, readParam, withQuery } from '../../../lib/nav'

/** One complaint for the station: 受理, then 答复办结 with an optional refund; anonymous ones show 匿名投诉人. */
export default function StaffComplaintDetailPage() {
  const { params } = useRouter()
  const id = readParam(params, 'id')
  useEffect(() => {
    ensureLoggedIn(withQuery(ROUTES.staffComplaintDetail, { id }), '驿站工作人员请先登录。')
  }, [])
  return (
    <Page title='投诉详情' nav='staff' active='complaints' help={false}>
      {getToken() ? <ComplaintDetail id={id} role={getUser()?.role ?? 'staff'} listUrl={ROUTES.staffComplaints} /> : null}
    </Page>
  )
}
