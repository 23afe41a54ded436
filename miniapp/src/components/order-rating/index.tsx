import { useState } from 'react'
import { View } from '@tarojs/components'
import { RATING_EDITABLE_DAYS, type Order } from '@carecircle/shared'
import { BigButton } from '../big-button'
import { Card } from '../card'
import { ErrorState } from '../error-state'
import { TextBox } from '../text-box'
import { StarPicker, starsText } from '../star-rating'
import { rateOrder, toApiError, type ApiError } from '../../api'
import { formatDateTime } from '../../lib/time'

export interface OrderRatingProps {
  order: Order
  onChanged: (order: Order) => void
  /** For tests: what "now" is. */
  now?: () => number
}

/**
 * 评价这次服务, on a completed order: the rating given and until when it can be changed, or five big
 * star buttons with words and an optional comment. After 7 days it says plainly that it can no longer change.
 */
export function OrderRating({ order, onChanged, now = Date.now }: OrderRatingProps) {
  const given = order.rating
  const [editing, setEditing] = useState(false)
  const [stars, setStars] = useState<number | null>(given?.stars ?? null)
  const [comment, setComment] = useState(given?.comment ?? '')
  const [error, setError] = useState<ApiError | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  if (order.status !== 'completed') return null

  const editable = !given || Date.parse(given.editableUntil) > now()
  const open = editable && (!given || editing)

  const submit = async () => {
    if (stars === null) return
    setError(null)
    try {
      const next = await rateOrder(order.id, { stars, ...(comment.trim() ? { comment: comment.trim() } : {}) })
      setEditing(false)
      setSaved(given ? '评价已修改，谢谢您。' : '评价已提交，谢谢您。')
      onChanged(next)
    } catch (err) {
      setError(toApiError(err))
    }
  }

  return (
    <Card title={given ? '您的评价' : '给这次服务打分'} className='stack' testId='order-rating'>
      {saved ? (
        <View className='notice ok' role='status' data-testid='rating-saved'>
          {saved}
        </View>
      ) : null}
      {given ? (
        <View data-testid='rating-given' data-stars={given.stars}>
          <View className='t-big'>{starsText(given.stars)}</View>
          {given.comment ? <View>您写的话：{given.comment}</View> : null}
          <View className='t-small'>评价时间：{formatDateTime(given.ratedAt)}</View>
          <View className='t-small' data-testid='rating-editable'>
            {editable
              ? `${formatDateTime(given.editableUntil)} 之前可以修改`
              : `评价已超过 ${RATING_EDITABLE_DAYS} 天，不能再修改。有问题可以投诉这单服务。`}
          </View>
        </View>
      ) : (
        <View>服务做得怎么样？点一下星数。您的评价会计入驿站的星级，帮助其他老人选驿站。</View>
      )}
      {given && editable && !editing ? (
        <BigButton variant='secondary' testId='rating-change' onPress={() => setEditing(true)}>
          修改评价
        </BigButton>
      ) : null}
      {open ? (
        <>
          <StarPicker value={stars} onChange={setStars} />
          <View className='field-label'>想说的话（可不填，最多 200 字）：</View>
          <TextBox value={comment} onChange={setComment} maxLength={200} label='想说的话，可不填' placeholder='例如：打扫得很干净' testId='rating-comment' />
          {stars === null ? <View className='t-muted'>请先在上面选几颗星，再提交。</View> : null}
          {error ? <ErrorState error={error} hint={error.status === 409 ? `评价超过 ${RATING_EDITABLE_DAYS} 天就不能再修改了。` : undefined} /> : null}
          <BigButton testId='rating-submit' disabled={stars === null} onPress={submit} loadingText='正在提交，请稍候'>
            {stars === null ? '提交评价' : `提交：${starsText(stars)}`}
          </BigButton>
          {given ? (
            <BigButton variant='secondary' testId='rating-cancel' onPress={() => setEditing(false)}>
              不改了
            </BigButton>
          ) : null}
        </>
      ) : null}
    </Card>
  )
}

export default OrderRating
