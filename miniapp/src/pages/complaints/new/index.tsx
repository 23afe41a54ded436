import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_REASONS, HOTLINE, type ComplaintCategory, type FeeEvidence as Evidence, type Order } from '@carecircle/shared'
import { Page } from '../../../components/page'
import { ComplaintCategories, ComplaintReasons } from '../../../components/complaint-categories'
import { FeeEvidence } from '../../../components/fee-evidence'
import { PhotoPicker } from '../../../components/photo-picker'
import { TextBox } from '../../../components/text-box'
import { Choice, ChoiceGrid } from '../../../components/choice'
import { BigButton } from '../../../components/big-button'
import { Loading } from '../../../components/loading'
import { ErrorState } from '../../../components/error-state'
import { fetchOrder, fetchPriceBoard, toApiError, type ApiError } from '../../../api'
import { getToken } from '../../../auth/session'
import { useLoad } from '../../../lib/use-load'
import { ROUTES, ensureLoggedIn, go, readParam, withQuery } from '../../../lib/nav'
import { ComplaintSubject } from './subject'
import { submitComplaint, type Submitted } from './submit'
import './index.css'
import { WholeNumbers } from '../../../components/whole-numbers'

const ID = /^[1-9]\d*$/

/** What the server attaches to a fee complaint about this order, shown before filing. */
function evidenceOf(order: Order): Evidence {
  const p = order.price
  return { priceVersionId: p.priceVersionId, tier: p.tier, listPriceFen: p.listPriceFen, publishedTierPriceFen: p.tierPriceFen, quotedPayableFen: p.payableFen, chargedFen: order.charge?.chargedFen ?? null }
}

/** 我要投诉: about one order (from its detail) or one station (from its price board). */
export default function NewComplaintPage() {
  const { params } = useRouter()
  const orderId = readParam(params, 'orderId')
  const stationId = readParam(params, 'stationId')
  // "投诉收费" on an order whose charge differed from the quote opens the form on 收费问题, evidence shown.
  const preset = readParam(params, 'category')
  const loggedIn = !!getToken()
  useEffect(() => {
    ensureLoggedIn(withQuery(ROUTES.complaintNew, { orderId, stationId, category: preset }), '请先登录，登录后才能投诉，登录后会回到这一页。')
  }, [])
  const byOrder = ID.test(orderId)
  const valid = byOrder || ID.test(stationId)
  const order = useLoad(() => fetchOrder(orderId), [orderId], loggedIn && byOrder)
  const board = useLoad(() => fetchPriceBoard(stationId), [stationId], !byOrder && ID.test(stationId))

  const [category, setCategory] = useState<ComplaintCategory | null>(preset === 'fee' ? 'fee' : null)
  const [reason, setReason] = useState<string | null>(null)
  const [description, setDescription] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [anonymous, setAnonymous] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [done, setDone] = useState<Submitted | null>(null)

  const length = description.trim().length
  const hasReasons = category !== null && COMPLAINT_REASONS[category].length > 0
  const missing = !category
    ? '请先选一个投诉类别。'
    : length > 1000
      ? '最多写 1000 个字，请删短一些。'
      : reason || length >= 5
        ? null
        : hasReasons
          ? `请点一个原因，或写下发生了什么（至少 5 个字，现在 ${length} 个字）。`
          : `请写下发生了什么（至少 5 个字，现在 ${length} 个字）。`
  // The order says which of its complaints are still open: the server refuses a second one of a category, so say it
  // first, before anything is filled in.
  const openComplaints = order.data?.complaints.filter((c) => c.open) ?? []
  const alreadyOpen = openComplaints.find((c) => c.category === category) ?? null
  // The form's numbered sections after the one where the person says what happened (one more with reasons).
  const step = hasReasons ? 3 : 2
  const chooseCategory = (c: ComplaintCategory) => {
    setCategory(c)
    setReason(null)
  }

  const submit = async () => {
    if (!category || missing) return
    setError(null)
    try {
      const result = await submitComplaint(
        {
          category, anonymous, ...(reason ? { reason } : {}), ...(description.trim() ? { description: description.trim() } : {}),
          ...(byOrder ? { orderId: Number(orderId) } : { stationId: Number(stationId) }),
        },
        photos,
      )
      if (result.failedPhotos.length === 0) go(withQuery(ROUTES.complaintDetail, { id: result.complaint.id, created: 1 }))
      else setDone(result)
    } catch (err) {
      setError(toApiError(err))
    }
  }

  const helpStation = order.data?.station ?? (board.data ? { name: board.data.station.name, phone: board.data.station.phone } : null)
  return (
    <Page title='我要投诉' nav='none' station={helpStation}>
      <View className='stack'>
        {!valid ? (
          <View className='notice warn'>没有说明投诉哪一单服务或哪家驿站。请从订单详情或驿站的价格公示页点“投诉”进来，也可以拨打 {HOTLINE}。</View>
        ) : null}
        {order.loading || board.loading ? <Loading /> : null}
        {order.error ? <ErrorState error={order.error} onRetry={order.reload} /> : null}
        {board.error ? <ErrorState error={board.error} onRetry={board.reload} /> : null}
        {openComplaints.length > 0 && !done ? (
          <View className='notice warn stack' data-testid='complaint-open' role='status'>
            {openComplaints.map((c) => (
              <View key={c.id} className='stack'>
                <View className='t-strong'>
                  这单服务的{COMPLAINT_CATEGORY_LABELS[c.category]}投诉（第 {c.id} 号）：{c.text}
                </View>
                <BigButton variant='secondary' testId='open-complaint' onPress={() => go(withQuery(ROUTES.complaintDetail, { id: c.id }))}>
                  查看投诉
                </BigButton>
              </View>
            ))}
            <View>同一类问题不用再投诉；别的问题可以在下面投诉。</View>
          </View>
        ) : null}
        {valid && (order.data || board.data) ? <ComplaintSubject order={order.data} stationName={board.data?.station.name ?? null} /> : null}

        {done ? (
          <View className='stack' data-testid='complaint-filed-photo-failed'>
            <View className='notice warn' role='status'>
              <View className='t-big'>投诉已提交（第 {done.complaint.id} 号），但有照片没传上去</View>
              {done.failedPhotos.map((f) => (
                <View key={f}>{f}</View>
              ))}
              <View>投诉已经生效，驿站会按期限处理。照片可以在驿站联系您时当面给他们看。</View>
            </View>
            <BigButton onPress={() => go(withQuery(ROUTES.complaintDetail, { id: done.complaint.id }))}>看这条投诉的进展</BigButton>
          </View>
        ) : null}

        {valid && !done ? (
          <>
            <View className='section-title'>1. 遇到了什么问题？</View>
            <ComplaintCategories value={category} onChange={chooseCategory} />
            {alreadyOpen && category ? (
              <View className='notice warn' data-testid='complaint-open-chosen' role='status'>
                {COMPLAINT_CATEGORY_LABELS[category]}已经投诉过了（第 {alreadyOpen.id} 号），还在处理中，不用再投诉；请点上面的“查看投诉”看进展，或选别的问题。
              </View>
            ) : null}
            {!alreadyOpen ? (
              <>
                {category && hasReasons ? (
                  <>
                    <View className='section-title'>
                      2. 点一个原因<Text className='nowrap'>（不用打字）</Text>
                    </View>
                    <View className='one-per-row'>
                      <ComplaintReasons category={category} value={reason} onChange={setReason} />
                    </View>
                  </>
                ) : null}
                {/* The record is attached by the server; it follows the reasons so the taps come first. */}
                {category === 'fee' && order.data ? <FeeEvidence evidence={evidenceOf(order.data)} preview /> : null}

                {/* Asked before the writing (it may change what one writes), so after the text only photos stand before 提交投诉. */}
                <View className='section-title'>{step}. 告诉驿站是您吗？</View>
                <View className='one-per-row'>
                  <ChoiceGrid>
                    <Choice label='让驿站知道' sub='驿站能看到您的名字，方便联系您' selected={!anonymous} testId='anonymous-no' onPress={() => setAnonymous(false)} />
                    <Choice label='不让驿站知道' sub='驿站看不到您的名字' selected={anonymous} testId='anonymous-yes' onPress={() => setAnonymous(true)} />
                  </ChoiceGrid>
                </View>
                <View className='t-small'>不管选哪个，民政部门都能看到是谁投诉的，方便核实和督办。</View>

                <View className='section-title'>
                  {hasReasons ? (
                    <>
                      {step + 1}. 想多说几句？<Text className='nowrap'>（可不写）</Text>
                    </>
                  ) : (
                    `${step + 1}. 写下发生了什么`
                  )}
                </View>
                <TextBox
                  value={description}
                  onChange={setDescription}
                  maxLength={1000}
                  label={hasReasons ? '投诉内容，点了原因就可不写' : '投诉内容，至少 5 个字'}
                  placeholder='例如：说好收 20 元，实际收了 30 元'
                  testId='complaint-description-input'
                />
                <View className='t-small' data-testid='description-count'>
                  <Text className='nowrap'>已写 {length} 个字；</Text>
                  {reason ? null : <Text className='nowrap'>{hasReasons ? '不点原因就至少写 5 个字，' : '至少 5 个字，'}</Text>}
                  <Text className='nowrap'>最多 1000 个字。</Text>
                </View>

                <View className='section-title'>{step + 2}. 照片（可不加）</View>
                <PhotoPicker photos={photos} onChange={setPhotos} />

                {error ? (
                  <ErrorState error={error} hint={`您写的内容还在。可以改一改再提交，或拨打 ${HOTLINE}。`}>
                    {error.code === 'COMPLAINT_ALREADY_OPEN' ? (
                      <BigButton variant='secondary' onPress={() => go(ROUTES.complaints)}>
                        看我的投诉
                      </BigButton>
                    ) : null}
                  </ErrorState>
                ) : null}
                {missing ? <View className='notice warn' data-testid='complaint-missing'>{missing}</View> : null}
                <BigButton testId='submit-complaint' disabled={!!missing} loadingText='正在提交，请稍候……' onPress={submit}>
                  提交投诉
                </BigButton>
                <View className='t-small'><WholeNumbers text='提交后，驿站须在 1 天内受理、7 天内办结；' />超时会转给民政部门督办。</View>
              </>
            ) : null}
          </>
        ) : null}
      </View>
    </Page>
  )
}
