import { COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS, type ComplaintCategory } from '@carecircle/shared'
import { Text } from '@tarojs/components'
import { Choice, ChoiceGrid } from '../choice'

/** A second line in everyday words, so a person finds their problem without knowing the category names. */
export const CATEGORY_HINTS: Record<ComplaintCategory, string[]> = {
  fee: ['多收了钱', '价格不对'],
  quality: ['活没干好', '做事马虎'],
  attitude: ['说话难听', '不耐烦'],
  no_show: ['约好没来', '来晚了'],
  safety: ['受了伤', '弄坏东西'],
  other: ['别的问题'],
}

/** Each phrase stays whole; a line may break only between them, at the 、. */
function Hint({ parts }: { parts: string[] }) {
  return (
    <>
      {parts.map((p, i) => (
        <Text key={p} className='nowrap'>
          {p}
          {i < parts.length - 1 ? '、' : ''}
        </Text>
      ))}
    </>
  )
}

export interface ComplaintCategoriesProps {
  value: ComplaintCategory | null
  onChange: (category: ComplaintCategory) => void
}

/** Big category tiles: the chosen one says "✓ 已选" in words (Choice), never colour alone. */
export function ComplaintCategories({ value, onChange }: ComplaintCategoriesProps) {
  return (
    <ChoiceGrid wide>
      {COMPLAINT_CATEGORIES.map((c) => (
        <Choice
          key={c}
          label={COMPLAINT_CATEGORY_LABELS[c]}
          sub={<Hint parts={CATEGORY_HINTS[c]} />}
          selected={value === c}
          testId='complaint-category'
          value={c}
          onPress={() => onChange(c)}
        />
      ))}
    </ChoiceGrid>
  )
}

export default ComplaintCategories
