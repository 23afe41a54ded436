import { useEffect } from 'react'
import { useRouter } from '@tarojs/taro'
import { Page } from '../../../components/page'
import { ComplaintDetail } from '../../../components/complaint-detail'
import { getToken, getUser } from '../../../auth/session'
import { ROUTES, ensureLoggedIn, readParam, withQuery } from '../../../lib/nav'

/** One complaint for the supervisor: who filed it, the whole timeline, 督办 and the 督办决定. */
export default function SupervisorComplaintDetailPage() {
  const { params } = useRouter()
  const id = readParam(params, 'id')
  useEffect(() => {
    ensureLoggedIn(withQuery(ROUTES.supervisorComplaintDetail, { id }), '民政监管人员请先登录。')
  }, [])
  return (
    <Page title='投诉督办' nav='supervisor' active='complaints' help={false}>
      {getToken() ? <ComplaintDetail id={id} role={getUser()?.role ?? 'supervisor'} listUrl={ROUTES.supervisorComplaints} /> : null}
    </Page>
  )
}
