import { COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS, COMPLAINT_REASONS, type ComplaintCategory } from '@carecircle/shared'
import { Text } from '@tarojs/components'
import { Choice, ChoiceGrid } from '../choice'

/** A second line in everyday words (the first two ready-made reasons), so a person finds their problem without knowing the category names. */
export const CATEGORY_HINTS = Object.fromEntries(
  COMPLAINT_CATEGORIES.map((c) => [c, COMPLAINT_REASONS[c].length ? COMPLAINT_REASONS[c].slice(0, 2) : ['别的问题']]),
) as Record<ComplaintCategory, string[]>

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

export interface ComplaintReasonsProps {
  category: ComplaintCategory
  value: string | null
  /** null: the chosen reason was tapped again, to unchoose it. */
  onChange: (reason: string | null) => void
}

/**
 * The category's ready-made reasons as big choices: one tap says what happened, typing becomes optional.
 * Some are long ("和公示的价格不一样"): the page gives each its own row (.one-per-row) so none breaks mid-phrase.
 */
export function ComplaintReasons({ category, value, onChange }: ComplaintReasonsProps) {
  const reasons = COMPLAINT_REASONS[category]
  if (reasons.length === 0) return null
  return (
    <ChoiceGrid>
      {reasons.map((r) => (
        <Choice key={r} label={r} selected={value === r} testId='complaint-reason' value={r} onPress={() => onChange(value === r ? null : r)} />
      ))}
    </ChoiceGrid>
  )
}

export default ComplaintCategories
