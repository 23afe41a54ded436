import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { PriceVersion } from '@carecircle/shared'
import { Page } from '../../components/page'
import { BigButton } from '../../components/big-button'
import { Loading } from '../../components/loading'
import { ErrorState } from '../../components/error-state'
import { PriceTable } from '../../components/price-table'
import { PriceHistory } from '../../components/price-history'
import { getToken, getUser } from '../../auth/session'
import { ROUTES, ensureLoggedIn, go, withQuery } from '../../lib/nav'
import { WholeDateTime } from '../../components/whole-numbers'
import { previewItems, readLines } from './draft-lines'
import { PriceLine } from './price-line'
import { PublishStep } from './publish-step'
import { usePriceDraft } from './use-price-draft'
import './index.css'

type Step = 'edit' | 'preview' | 'publish' | 'done'

/** 本站价格公示 (station admin): edit a draft in yuan, preview it as residents will see it, publish it with a start time. */
export default function StationPricesPage() {
  useEffect(() => {
    ensureLoggedIn(ROUTES.staffPrices, '驿站管理员请先登录。')
  }, [])
  const user = getUser()
  const stationId = user?.role === 'station_admin' ? user.stationId : null
  const d = usePriceDraft(stationId)
  const [step, setStep] = useState<Step>('edit')
  const [saved, setSaved] = useState(false)
  const [published, setPublished] = useState<PriceVersion | null>(null)
  // Confirming the versions already waiting: that question alone, from the top (it replaced the buttons just tapped).
  const [confirming, setConfirming] = useState(false)
  const read = d.lines ? readLines(d.lines) : null
  // The preview starts at its top, not where the last line of the editor was.
  const top = () => Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)

  const saveDraft = async () => {
    setSaved(!!(await d.save()))
  }
  const preview = async () => {
    if (await d.save()) {
      setStep('preview')
      top()
    }
  }
  const publish = async (effectiveFrom: string, confirmWaiting?: number[]) => {
    const r = await d.publish(effectiveFrom, confirmWaiting)
    if (r && 'waiting' in r) return r.waiting
    setConfirming(false)
    if (r) {
      setPublished(r.published)
      setStep('done')
    } else setStep('edit')
    return null
  }

  return (
    <Page title='本站价格公示' nav='staff' active='mine' help={false}>
      <View className='stack' data-testid='station-prices'>
        {getToken() && stationId === null ? <View className='notice warn'>这一页是给驿站管理员用的。您的账号不能改价格。</View> : null}
        {d.versions.loading || d.services.loading ? <Loading /> : null}
        {d.versions.error ? <ErrorState error={d.versions.error} onRetry={d.versions.reload} /> : null}
        {d.error ? <ErrorState error={d.error} /> : null}

        {step === 'done' && published ? (
          <View className='notice ok' role='status' data-testid='price-published'>
            <View className='t-big'>已公示</View>
            新价格从 <WholeDateTime iso={published.effectiveFrom} /> 起执行，居民在价格公示里能看到。
          </View>
        ) : null}
        {step === 'done' && stationId ? (
          <BigButton variant='secondary' testId='open-board' onPress={() => go(withQuery(ROUTES.priceBoard, { id: stationId }))}>
            看居民看到的价格公示
          </BigButton>
        ) : null}

        {step === 'edit' && d.lines ? (
          <>
            <View className='t-muted'>
              这里从现在执行的价格改起。价格都按元填，可以有角和分（如 12.50）。无偿价不能高于低偿价，低偿价不能高于标准价。改完先预览，再公示。
              {d.draftId ? '（这是上次保存的草稿，居民看不到。）' : ''}
            </View>
            {d.waiting.length ? (
              <View className='notice warn' data-testid='waiting-version'>
                已经公示、还没到执行时间的价格：
                {[...d.waiting].reverse().map((v, i) => (
                  // The day and the time are each kept whole; in 长辈版 at 320 px the line breaks between them.
                  <Text key={v.id}>
                    {i ? '、' : ''}
                    <WholeDateTime iso={v.effectiveFrom} after=' 起' />
                  </Text>
                ))}
                。到了{d.waiting.length > 1 ? '各自的' : '那个'}时间，就换成那一版价格。
              </View>
            ) : null}
            {d.lines.length === 0 ? <View className='notice warn'>本站还没有公示过价格，也没有草稿。请先设置服务时间，再联系区里开通服务项目。</View> : null}
            {d.lines.map((line, i) => (
              <PriceLine key={line.serviceId} line={line} index={i} problem={d.problems[i]} onChange={(patch) => d.change(i, patch)} />
            ))}
            {Object.keys(d.problems).length ? (
              <View className='notice bad' role='alert' data-testid='draft-problems'>
                有 {Object.keys(d.problems).length} 项要改，已在那一项下面用红框标出。
              </View>
            ) : null}
            {saved ? <View className='notice ok' data-testid='draft-saved'>草稿已保存，居民看不到。</View> : null}
            <BigButton testId='preview-prices' loadingText='正在检查……' onPress={preview}>
              预览（居民看到的样子）
            </BigButton>
            <BigButton variant='secondary' testId='save-draft' loadingText='正在保存……' onPress={saveDraft}>
              保存草稿
            </BigButton>
          </>
        ) : null}

        {(step === 'preview' || step === 'publish') && read?.ok ? (
          <>
            {confirming ? null : (
              <>
                <View className='notice' data-testid='price-preview'>
                  下面是公示后居民看到的收费标准。确认无误再点“公示”。
                </View>
                <PriceTable items={previewItems(read.items, d.services.data?.services ?? [], d.nameOf)} />
              </>
            )}
            {step === 'preview' ? (
              <>
                <BigButton testId='go-publish' onPress={() => setStep('publish')}>
                  公示这些价格
                </BigButton>
                <BigButton variant='secondary' testId='back-edit' onPress={() => setStep('edit')}>
                  返回修改
                </BigButton>
              </>
            ) : (
              <PublishStep
                onPublish={publish}
                onBack={() => setStep('preview')}
                onConfirming={(c) => {
                  setConfirming(c)
                  top()
                }}
              />
            )}
          </>
        ) : null}

        {step !== 'preview' && step !== 'publish' && d.versions.data ? (
          <>
            <View className='section-title'>历次公示</View>
            <PriceHistory versions={d.versions.data.versions} />
          </>
        ) : null}
      </View>
    </Page>
  )
}
