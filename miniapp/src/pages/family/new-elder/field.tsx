import { Input, View } from '@tarojs/components'

export interface FieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  testId: string
  placeholder?: string
  type?: 'text' | 'number' | 'digit'
  maxLength?: number
}

/** A labelled one-line field: the label above in words, the box full width. */
export function Field({ label, value, onChange, testId, placeholder, type = 'text', maxLength = 200 }: FieldProps) {
  return (
    <View>
      <View className='field-label'>{label}</View>
      <Input
        className='field'
        type={type}
        value={value}
        maxlength={maxLength}
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value)}
        nativeProps={{ 'aria-label': label }}
        data-testid={testId}
      />
    </View>
  )
}

export default Field
