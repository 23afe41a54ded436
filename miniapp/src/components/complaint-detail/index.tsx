import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import type { Complaint, Role } from '@carecircle/shared'
import { ComplaintView } from '../complaint-view'
import { ComplaintActions } from '../complaint-actions'
import { Loading } from '../loading'
import { ErrorState } from '../error-state'
import { BigButton } from '../big-button'
import { fetchComplaint } from '../../api'
import { useLoad } from '../../lib/use-load'
import { goTop } from '../../lib/nav'
import { latestAnswer } from '../../lib/complaint-words'
import { WholeNumbers } from '../whole-numbers'

export interface ComplaintDetailProps {
  id: string
  role: Role
  /** Where "all complaints" is for this viewer. */
  listUrl: string
  /** Just filed: say so at the top. */
  created?: boolean
  onLoaded?: (c: Complaint) => void
}

/** The answer to read before deciding 满意 or 不满意: at the top, not at the end of the timeline. */
function LatestAnswer({ complaint }: { complaint: Complaint }) {
  const answer = latestAnswer(complaint)
  if (!answer) return null
  return (
    <View className='notice ok' data-testid='latest-answer'>
      <View className='t-strong'>{answer.who}：</View>
      <View>
        <WholeNumbers text={answer.message} />
      </View>
    </View>
  )
}

/** One complaint for any viewer: the facts and progress, then only the steps the server allows them. */
export function ComplaintDetail({ id, role, listUrl, created = false, onLoaded }: ComplaintDetailProps) {
  const valid = /^[1-9]\d*$/.test(id)
  const loaded = useLoad(() => fetchComplaint(id), [id], valid)
  const [changed, setChanged] = useState<Complaint | null>(null)
  useEffect(() => setChanged(null), [loaded.data])
  const complaint = changed ?? loaded.data
  useEffect(() => {
    if (complaint) onLoaded?.(complaint)
  }, [complaint?.id])

  return (
    <View className='stack'>
      {!valid ? <View className='notice warn'>没有说明要看哪一条投诉。请从投诉列表里点开。</View> : null}
      {created && complaint ? (
        <View className='notice ok' role='status' data-testid='complaint-created'>
          <View className='t-big'>投诉已提交</View>
          <View><WholeNumbers text='驿站须在 1 天内受理、7 天内办结。' />有进展会在“我的消息”里告诉您。</View>
        </View>
      ) : null}
      {loaded.loading && !complaint ? <Loading /> : null}
      {loaded.error ? (
        <ErrorState error={loaded.error} onRetry={loaded.reload}>
          <BigButton variant='secondary' onPress={() => goTop(listUrl)}>
            看全部投诉
          </BigButton>
        </ErrorState>
      ) : null}
      {complaint ? (
        <>
          <LatestAnswer complaint={complaint} />
          <ComplaintActions
            complaint={complaint}
            role={role}
            onChanged={(next) => {
              // The step answers with the complaint; reload too for its new timeline entry.
              setChanged(next)
              loaded.reload()
            }}
          />
          <ComplaintView complaint={complaint} viewer={role} />
        </>
      ) : null}
    </View>
  )
}

export default ComplaintDetail
