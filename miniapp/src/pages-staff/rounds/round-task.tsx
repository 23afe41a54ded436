import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { ROUND_OUTCOMES, ROUND_OUTCOME_RULES, type CareRound, type RoundOutcome } from '@carecircle/shared'
import { Card, InfoRow } from '../../components/card'
import { BigButton } from '../../components/big-button'
import { TextBox } from '../../components/text-box'
import { ErrorState } from '../../components/error-state'
import { CallButton } from '../../components/call-button'
import { recordRoundOutcome, toApiError, type ApiError } from '../../api'
import { ROUND_OUTCOME_WORDS, dueText, noteRequired } from '../../lib/care-words'
import { WholeNumbers } from '../../components/whole-numbers'
import './index.css'

/** A phone round offers 电话问候过 first; a visit offers 看过了 first. */
export function outcomeOrder(mode: CareRound['mode']): RoundOutcome[] {
  return mode === 'phone' ? ['phoned', ...ROUND_OUTCOMES.filter((o) => o !== 'phoned')] : [...ROUND_OUTCOMES]
}

/** A masked number (138****0001) is for reading, never for dialling. */
const callable = (phone: string | null): phone is string => !!phone && !phone.includes('*')

/**
 * One round to do: whom, where, how, by when, what to mind (the plan's note), a big call button; one big button per outcome. 需要帮助 first asks what help (the family and
 * the supervisors are told at once), so it takes a second tap after writing.
 */
export function RoundTask({ round, onDone, now }: { round: CareRound; onDone: (r: CareRound) => void; now?: number }) {
  const [helping, setHelping] = useState(false)
  const [note, setNote] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const due = dueText(round.dueAt, now)

  const record = async (outcome: RoundOutcome) => {
    if (noteRequired(outcome) && note.trim().length < 2) {
      setProblem('请写明老人需要什么帮助，至少两个字。')
      return
    }
    setProblem(null)
    setError(null)
    try {
      onDone(await recordRoundOutcome(round.id, { outcome, note: note.trim() || undefined }))
    } catch (err) {
      setError(toApiError(err))
    }
  }

  if (round.status === 'done' && round.outcome) {
    const w = ROUND_OUTCOME_WORDS[round.outcome]
    return (
      <Card title={round.elder.name} testId='round-task'>
        <View className={`status ${w.tone}`} data-testid='round-recorded' data-outcome={round.outcome}>
          已记录：{ROUND_OUTCOME_RULES[round.outcome].label}
        </View>
        {round.note ? <InfoRow label='情况'>{round.note}</InfoRow> : null}
      </Card>
    )
  }
  return (
    <Card title={round.elder.name} testId='round-task'>
      <View className='stack' data-round-id={round.id}>
        <InfoRow label='怎么巡访'>{round.modeLabel}</InfoRow>
        <View className={`status ${due.overdue || round.missed ? 'bad' : 'info'}`}>{due.words}</View>
        {round.elder.address ? <InfoRow label='住址'>
            <WholeNumbers text={round.elder.address} />
          </InfoRow> : null}
        {round.planNote ? <InfoRow label='注意'>{round.planNote}</InfoRow> : null}
        {callable(round.elder.phone) ? (
          <View className='round-call'>
            <CallButton phone={round.elder.phone} variant='primary' testId='round-call' ariaLabel={`打电话给${round.elder.name}`}>
              打电话给{round.elder.name}
            </CallButton>
          </View>
        ) : (
          <View className='t-muted'>老人没有登记电话。</View>
        )}
        {helping ? (
          <>
            <View className='field-label'>老人需要什么帮助？写下来，家属和民政会马上收到。</View>
            <TextBox value={note} onChange={setNote} label='老人需要什么帮助' maxLength={200} placeholder='例如：腿疼下不了楼，家里没有米了' testId='round-note' />
            {problem ? <View className='notice warn' role='alert'>{problem}</View> : null}
            <BigButton variant='danger' testId='round-help-submit' loadingText='正在提交……' onPress={() => record('needs_help')}>
              提交：需要帮助
            </BigButton>
            <BigButton variant='secondary' onPress={() => { setHelping(false); setProblem(null) }}>
              返回
            </BigButton>
          </>
        ) : (
          <>
            <View className='field-label'>看望或问候过后，按一个结果：</View>
            {outcomeOrder(round.mode).map((o) => (
              <BigButton
                key={o}
                variant={o === 'needs_help' ? 'danger' : o === 'not_home' ? 'secondary' : 'primary'}
                testId={`round-${o}`}
                loadingText='正在提交……'
                onPress={o === 'needs_help' ? () => setHelping(true) : () => record(o)}
              >
                {/* One line box (the button is a flex row); a narrow button breaks only between the no-wrap phrases. */}
                <Text>
                  {ROUND_OUTCOME_WORDS[o].button.map((phrase, i) => (
                    <Text key={phrase}>
                      {i > 0 ? '\u200b' : ''}
                      <Text className='nowrap'>{phrase}</Text>
                    </Text>
                  ))}
                </Text>
              </BigButton>
            ))}
          </>
        )}
        {error ? <ErrorState error={error} /> : null}
      </View>
    </Card>
  )
}
