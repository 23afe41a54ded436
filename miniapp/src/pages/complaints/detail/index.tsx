import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Page } from '../../../components/page'
import { ComplaintDetail } from '../../../components/complaint-detail'
import { getToken, getUser } from '../../../auth/session'
import { ROUTES, ensureLoggedIn, readParam, withQuery } from '../../../lib/nav'
import type { HelpStation } from '../../../lib/help-contacts'

/** 投诉详情 for the complainant: the progress in words; 满意/不满意 once the station has answered. */
export default function ComplaintDetailPage() {
  const { params } = useRouter()
  const id = readParam(params, 'id')
  const loggedIn = !!getToken()
  useEffect(() => {
    ensureLoggedIn(withQuery(ROUTES.complaintDetail, { id }), '请先登录，登录后才能看到您的投诉。')
  }, [])
  const [station, setStation] = useState<HelpStation | null>(null)
  return (
    <Page title='投诉详情' active='mine' station={station}>
      {loggedIn ? (
        <ComplaintDetail id={id} role={getUser()?.role ?? 'elder'} listUrl={ROUTES.complaints} created={readParam(params, 'created') === '1'} onLoaded={(c) => setStation(c.station)} />
      ) : null}
    </Page>
  )
}
