import { useState } from 'react'
import { Picker, View } from '@tarojs/components'
import { TIER_CATEGORIES, TIER_CATEGORY_CODES, TIER_LABELS, type ElderTier, type TierCategory } from '@carecircle/shared'
import { Choice, ChoiceGrid } from '../../components/choice'
import { TextBox } from '../../components/text-box'
import { BigButton } from '../../components/big-button'
import { setTier, toApiError } from '../../api'
import { businessDate, formatDateCn } from '../../lib/time'
import { tierBody } from './forms'

type Expiry = 'none' | 'year' | 'chosen'
/** "重度残疾（二级以上）" → a short label that fits a button ("重度残疾") and the rest under it, with the tier. */
function choiceWords(c: TierCategory): { label: string; sub: string } {
  const tier = TIER_LABELS[TIER_CATEGORIES[c].tier]
  if (c === 'none') return { label: '都不符合', sub: tier }
  const m = /^(.*?)（(.*)）$/.exec(TIER_CATEGORIES[c].label)
  return m ? { label: m[1]!, sub: `${m[2]} · ${tier}` } : { label: TIER_CATEGORIES[c].label, sub: tier }
}

/** 认定: the category decides the tier; a reason is required (what papers were seen) and an expiry is optional. */
export function TierForm({ elderId, current, onDone }: { elderId: number; current: ElderTier; onDone: (t: ElderTier) => void }) {
  const [category, setCategory] = useState<TierCategory | null>(current.verified ? current.category : null)
  const [reason, setReason] = useState('')
  const [expiry, setExpiry] = useState<Expiry>('none')
  const [date, setDate] = useState(businessDate(365))
  const [problem, setProblem] = useState<string | null>(null)

  const expiresOn = expiry === 'none' ? null : expiry === 'year' ? businessDate(365) : date
  const submit = async () => {
    const checked = tierBody(category, reason, expiresOn)
    if (!checked.ok) return setProblem(checked.problem)
    setProblem(null)
    try {
      onDone(await setTier(elderId, checked.body))
      setReason('')
    } catch (err) {
      setProblem(toApiError(err).message)
    }
  }

  return (
    <View className='stack' data-testid='tier-form'>
      <View className='field-label'>老人属于哪一类（看过证件后选）</View>
      <ChoiceGrid wide>
        {TIER_CATEGORY_CODES.map((c) => (
          <Choice
            key={c}
            {...choiceWords(c)}
            selected={category === c}
            testId='tier-category'
            value={c}
            onPress={() => setCategory(c)}
          />
        ))}
      </ChoiceGrid>
      <View className='field-label'>认定依据（看了什么证件、谁核实的）</View>
      <TextBox value={reason} onChange={setReason} label='认定依据' placeholder='例如：查看了身份证，1934 年出生' maxLength={200} testId='tier-reason' />
      <View className='field-label'>有效期</View>
      <ChoiceGrid wide>
        <Choice label='长期有效' selected={expiry === 'none'} testId='tier-expiry' value='none' onPress={() => setExpiry('none')} />
        <Choice label='一年' sub={`到 ${formatDateCn(businessDate(365))}`} selected={expiry === 'year'} testId='tier-expiry' value='year' onPress={() => setExpiry('year')} />
        <Choice label='选到期日' selected={expiry === 'chosen'} testId='tier-expiry' value='chosen' onPress={() => setExpiry('chosen')} />
      </ChoiceGrid>
      {expiry === 'chosen' ? (
        <Picker mode='date' value={date} start={businessDate(1)} onChange={(e) => setDate(String(e.detail.value))}>
          <View className='field picker-field' role='button' aria-label={`到期日 ${date}，点一下修改`} data-testid='tier-expiry-date'>
            到期日：{formatDateCn(date)}
          </View>
        </Picker>
      ) : null}
      {problem ? (
        <View className='notice bad' role='alert' data-testid='tier-problem'>
          {problem}
        </View>
      ) : null}
      <BigButton testId='tier-submit' loadingText='正在保存……' onPress={submit}>
        保存认定
      </BigButton>
    </View>
  )
}

export default TierForm
