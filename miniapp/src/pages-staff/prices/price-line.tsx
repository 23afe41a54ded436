import { Input, View } from '@tarojs/components'
import { TextBox } from '../../components/text-box'
import '../../components/card/index.css'
import { PRICE_FIELDS, type DraftLine, type PriceField } from './draft-lines'

export interface PriceLineProps {
  line: DraftLine
  index: number
  /** What is wrong with this line (ours or the server's), shown right under it. */
  problem?: string
  onChange: (patch: Partial<DraftLine>) => void
}

/** One service in the draft: the three prices side by side in yuan, then the unit and what the service includes. */
export function PriceLine({ line, index, problem, onChange }: PriceLineProps) {
  return (
    <View className={`card price-line${problem ? ' has-problem' : ''}`} data-testid='price-line' data-service-id={line.serviceId} data-index={index}>
      <View className='card-title'>
        {index + 1}. {line.name}
      </View>
      <View className='yuan-fields'>
        {PRICE_FIELDS.map(({ field, label }) => (
          <View key={field} className='yuan-field'>
            <View className='field-label'>{label}</View>
            <Input
              className='field yuan-input'
              type='digit'
              value={line[field]}
              maxlength={10}
              onInput={(e) => onChange({ [field]: e.detail.value } as Pick<DraftLine, PriceField>)}
              nativeProps={{ 'aria-label': `${line.name}的${label}，单位元` }}
              data-testid={`price-${field}`}
            />
          </View>
        ))}
      </View>
      {problem ? (
        <View className='notice bad' role='alert' data-testid='line-problem'>
          {problem}
        </View>
      ) : null}
      <View className='field-label'>计价单位</View>
      <Input
        className='field'
        value={line.unit}
        maxlength={16}
        onInput={(e) => onChange({ unit: e.detail.value })}
        nativeProps={{ 'aria-label': `${line.name}的计价单位` }}
        data-testid='price-unit'
      />
      <View className='field-label'>服务内容</View>
      <TextBox value={line.content} maxLength={300} label={`${line.name}的服务内容`} onChange={(content) => onChange({ content })} testId='price-content' />
    </View>
  )
}

export default PriceLine
