import { useState } from 'react'
import { View, Input } from '@tarojs/components'
import {
  COMPLAINT_ACTIONS_NEEDING_MESSAGE, COMPLAINT_STEPS, HOTLINE, formatYuan, partyOfRole,
  type Complaint, type ComplaintAction, type ComplaintStepBody, type Role,
} from '@carecircle/shared'
import { BigButton } from '../big-button'
import { CallButton } from '../call-button'
import { Choice, ChoiceGrid } from '../choice'
import { ErrorState } from '../error-state'
import { useHelpArea } from '../page/help-area'
import { TextBox } from '../text-box'
import { complaintStep, toApiError, type ApiError } from '../../api'
import { yuanToFen } from '../../lib/money'

/** What each step asks for, in the words of the person taking it. */
const ASK: Record<ComplaintAction, { question: string; placeholder: string; submit: string }> = {
  respond: { question: '受理这条投诉。可以给投诉人留一句话（可不填）：', placeholder: '例如：我们已经收到，会在 3 天内上门核实', submit: '确认受理' },
  resolve: { question: '写下处理结果（必填），投诉人会看到：', placeholder: '例如：经核实多收了 10 元，已当面退还', submit: '提交答复' },
  escalate: { question: '为什么要督办（必填）：', placeholder: '例如：驿站超过期限仍未答复', submit: '确认督办' },
  reopen: { question: '哪里不满意？（必填）', placeholder: '例如：说好退的钱还没有退', submit: '提交，重新投诉' },
  confirm: { question: '确认后，这条投诉就办结了。', placeholder: '', submit: '确认办结' },
}

/** The answer a person hopes to give first: 满意 before 不满意, 受理 before 督办. */
const DISPLAY_ORDER: ComplaintAction[] = ['respond', 'resolve', 'confirm', 'escalate', 'reopen']

/** The supervisor's resolve is a decision, not the station's answer. */
const SUPERVISOR_RESOLVE = { question: '写下督办决定（必填），投诉人和驿站都会看到：', placeholder: '例如：责令驿站三日内退还多收的费用', submit: '提交督办决定' }

const REOPEN_REASONS = ['钱没有退', '问题没解决', '答复不属实']

/** The one reopen is spent: no 不满意 any more, and what is left to do, in words. */
function FinalAnswer() {
  return (
    <View className='notice' data-testid='final-answer'>
      <View className='t-strong'>这是最终答复</View>
      <View>您已经重新投诉过一次，民政部门的督办决定就是最终答复，不能再重新投诉。</View>
      <View>如果还有问题，可以拨打养老服务热线 {HOTLINE}；有新的问题，可以另外投诉。</View>
      <CallButton phone={HOTLINE} ariaLabel={`拨打养老服务热线 ${HOTLINE}`} testId='final-answer-call'>
        打 {HOTLINE} 热线
      </CallButton>
    </View>
  )
}

export interface ComplaintActionsProps {
  complaint: Complaint
  role: Role
  onChanged: (complaint: Complaint) => void
}

/**
 * Only the steps the server says will work now (`allowedActions`), labelled from the shared table for the
 * viewer's part. Each opens an in-page step (no pop-up) that asks for what the step needs before sending.
 */
export function ComplaintActions({ complaint, role, onChanged }: ComplaintActionsProps) {
  const party = partyOfRole(role)
  const [open, setOpen] = useState<ComplaintAction | null>(null)
  const [message, setMessage] = useState('')
  const [refund, setRefund] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const area = useHelpArea()
  const final = party === 'complainant' && complaint.finalAnswer
  if (!party || (complaint.allowedActions.length === 0 && !final)) return null

  const refundFen = refund.trim() === '' ? undefined : yuanToFen(refund)
  const refundBad = refundFen === null
  const needsMessage = (a: ComplaintAction) => COMPLAINT_ACTIONS_NEEDING_MESSAGE.includes(a)
  const openStep = (a: ComplaintAction) => {
    setOpen(a)
    setMessage('')
    setRefund('')
    setError(null)
  }

  const submit = async (action: ComplaintAction) => {
    setError(null)
    const body: ComplaintStepBody = {}
    if (message.trim()) body.message = message.trim()
    if (action === 'resolve' && typeof refundFen === 'number') body.refundFen = refundFen
    try {
      onChanged(await complaintStep(complaint.id, action, body))
      setOpen(null)
    } catch (err) {
      setError(toApiError(err))
    }
  }

  return (
    <View className='stack' data-testid='complaint-actions'>
      {final && !open ? <FinalAnswer /> : null}
      {DISPLAY_ORDER.filter((a) => complaint.allowedActions.includes(a)).map((action) => {
        const label = COMPLAINT_STEPS[action][party]?.label ?? ASK[action].submit
        // While one step is open, only that step shows: no second button to tap by mistake.
        if (open && open !== action) return null
        if (open !== action) {
          return (
            <BigButton key={action} variant={action === 'reopen' || action === 'escalate' ? 'secondary' : 'primary'} testId={`complaint-action-${action}`} onPress={() => openStep(action)}>
              {label}
            </BigButton>
          )
        }
        const missing = needsMessage(action) && message.trim() === ''
        const ask = action === 'resolve' && party === 'supervisor' ? SUPERVISOR_RESOLVE : ASK[action]
        return (
          <View key={action} className='card stack' data-testid={`complaint-action-${action}-step`}>
            <View className='t-big'>{label}</View>
            <View>{ask.question}</View>
            {action === 'reopen' ? (
              <ChoiceGrid wide>
                {REOPEN_REASONS.map((r) => (
                  <Choice key={r} label={r} selected={message === r} testId='reopen-reason' onPress={() => setMessage(r)} />
                ))}
              </ChoiceGrid>
            ) : null}
            {action !== 'confirm' ? (
              <TextBox value={message} onChange={setMessage} maxLength={500} label={ask.question} placeholder={ask.placeholder} testId='complaint-message' />
            ) : null}
            {action === 'resolve' ? (
              <>
                <View className='field-label'>
                  {complaint.refundFen === null ? '退款金额（元，没有退款就不填）：' : `退款金额（元；不填就保留已记录的 ¥${formatYuan(complaint.refundFen)}）：`}
                </View>
                <Input
                  className='field'
                  type='digit'
                  value={refund}
                  placeholder='例如 10 或 10.50'
                  onInput={(e) => setRefund(e.detail.value)}
                  nativeProps={{ 'aria-label': '退款金额，单位元' }}
                  data-testid='complaint-refund'
                />
                {refundBad ? <View className='notice warn'>退款金额请写数字，例如 10 或 10.50（最多两位小数）。</View> : null}
                {typeof refundFen === 'number' ? <View className='t-small'>将记录退款 ¥{formatYuan(refundFen)}</View> : null}
              </>
            ) : null}
            {error ? (
              <ErrorState
                error={error}
                hint={
                  error.code === 'ILLEGAL_TRANSITION'
                    ? `这一步现在做不了了，与您填写的内容无关${area === 'resident' ? `；如有问题请拨打 ${HOTLINE}` : ''}。`
                    : `请检查上面填写的内容后再提交${area === 'resident' ? `；如果一直不行，请拨打 ${HOTLINE} 求助` : ''}。`
                }
              />
            ) : null}
            <BigButton
              testId={`complaint-action-${action}-confirm`}
              disabled={missing || refundBad}
              loadingText='正在提交，请稍候……'
              onPress={() => submit(action)}
            >
              {ask.submit}
            </BigButton>
            {missing ? <View className='t-small'>{action === 'reopen' ? '选一个原因或写上原因后，才能提交。' : '写上内容后，才能提交。'}</View> : null}
            <BigButton variant='secondary' testId={`complaint-action-${action}-back`} onPress={() => setOpen(null)}>
              先不处理
            </BigButton>
          </View>
        )
      })}
    </View>
  )
}

export default ComplaintActions
