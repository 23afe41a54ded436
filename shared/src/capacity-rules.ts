/** A rule's hours, in local minutes of the day: [openMinute, closeMinute). */
export interface RuleHours {
  category: string
  openMinute: number
  closeMinute: number
}

export interface RuleOverlap {
  /** Positions in the submitted list, 0-based, first < second. */
  first: number
  second: number
  category: string
}

/**
 * Pairs of rules of one category whose opening hours overlap. Two rules for the same hours would open
 * the same slot twice with different capacities, so a station's rules must not overlap; touching ends
 * (one closes at 12:00, the next opens at 12:00) are fine. Pure.
 */
export function findRuleOverlaps(rules: readonly RuleHours[]): RuleOverlap[] {
  const out: RuleOverlap[] = []
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const a = rules[i]!
      const b = rules[j]!
      if (a.category === b.category && a.openMinute < b.closeMinute && b.openMinute < a.closeMinute) out.push({ first: i, second: j, category: a.category })
    }
  }
  return out
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`

/** "第 1 条（08:00–12:00）和第 2 条（11:00–14:00）时间重叠": names the rules as the person numbered them. */
export function describeRuleOverlap(rules: readonly RuleHours[], o: RuleOverlap, categoryLabel = o.category): string {
  const a = rules[o.first]!
  const b = rules[o.second]!
  return `${categoryLabel}的第 ${o.first + 1} 条（${hhmm(a.openMinute)}–${hhmm(a.closeMinute)}）和第 ${o.second + 1} 条（${hhmm(b.openMinute)}–${hhmm(b.closeMinute)}）时间重叠，同一类服务的时间段不能重叠，请合并或调整`
}
