import { COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS, type ComplaintCategory } from '@carecircle/shared'
import { Choice, ChoiceGrid } from '../choice'

/** A second line in everyday words, so a person finds their problem without knowing the category names. */
export const CATEGORY_HINTS: Record<ComplaintCategory, string> = {
  fee: '多收了钱、价格不对',
  quality: '活没干好、马虎',
  attitude: '说话难听、不耐烦',
  no_show: '约好了没来、来晚了',
  safety: '受了伤、东西坏了丢了',
  other: '别的问题',
}

export interface ComplaintCategoriesProps {
  value: ComplaintCategory | null
  onChange: (category: ComplaintCategory) => void
}

/** Big category tiles: the chosen one says "✓ 已选" in words (Choice), never colour alone. */
export function ComplaintCategories({ value, onChange }: ComplaintCategoriesProps) {
  return (
    <ChoiceGrid>
      {COMPLAINT_CATEGORIES.map((c) => (
        <Choice
          key={c}
          label={COMPLAINT_CATEGORY_LABELS[c]}
          sub={CATEGORY_HINTS[c]}
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
