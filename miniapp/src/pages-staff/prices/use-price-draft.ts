import { useEffect, useMemo, useState } from 'react'
import { ZWaitingVersionsDetails, type PriceVersion, type WaitingVersion } from '@carecircle/shared'
import { createPriceVersion, fetchPriceVersions, fetchServices, publishPriceDraft, toApiError, updatePriceDraft, type ApiError } from '../../api'
import { useLoad } from '../../lib/use-load'
import { businessDate } from '../../lib/time'
import { linesFrom, readLines, type DraftLine } from './draft-lines'
import { chosenTime } from './effective-time'

/**
 * The station admin's draft: starts from the kept draft, else from the prices in force; saved to the
 * server as a draft (residents never see it) before it is previewed or published. Problems are kept per line,
 * ours and the server's (details.itemIndex).
 */
export function usePriceDraft(stationId: number | null) {
  const versions = useLoad(() => fetchPriceVersions(stationId!), [stationId], stationId !== null)
  const services = useLoad(fetchServices, [], stationId !== null)
  const [lines, setLines] = useState<DraftLine[] | null>(null)
  const [draftId, setDraftId] = useState<number | null>(null)
  const [problems, setProblems] = useState<Record<number, string>>({})
  const [error, setError] = useState<ApiError | null>(null)

  const names = useMemo(() => new Map((services.data?.services ?? []).map((s) => [s.id, s.name])), [services.data])
  const nameOf = (id: number) => names.get(id) ?? `服务 ${id}`

  useEffect(() => {
    if (lines !== null || !versions.data || !services.data) return
    const all = versions.data.versions
    const draft = all.find((v) => v.status === 'draft')
    // What residents pay now is where a change starts (a version still waiting for its date is shown in the history).
    const base = draft ?? all.find((v) => v.inForce) ?? all.find((v) => v.status === 'published')
    setLines(base ? linesFrom(base.items, nameOf) : [])
    setDraftId(draft?.id ?? null)
  }, [versions.data, services.data, lines])

  const change = (index: number, patch: Partial<DraftLine>) => {
    setLines((ls) => ls && ls.map((l, i) => (i === index ? { ...l, ...patch } : l)))
    setProblems(({ [index]: _, ...rest }) => rest)
  }

  /** A server refusal about one line goes next to that line; anything else above the buttons. */
  const fail = (err: unknown) => {
    const e = toApiError(err)
    const at = e.details.itemIndex
    if (typeof at === 'number') setProblems({ [at]: e.message })
    else setError(e)
  }

  /** Checks the lines, then keeps them as the server-side draft; null (with the problems shown) when they are not right. */
  const save = async (): Promise<PriceVersion | null> => {
    if (!lines || stationId === null) return null
    const read = readLines(lines)
    if (!read.ok) {
      setProblems(read.problems)
      return null
    }
    setProblems({})
    setError(null)
    // A draft carries the time it is meant for; the real one is chosen when publishing.
    const body = { effectiveFrom: chosenTime(businessDate(1), '00:00'), items: read.items }
    try {
      const v = draftId ? await updatePriceDraft(stationId, draftId, body) : await createPriceVersion(stationId, { ...body, draft: true })
      setDraftId(v.id)
      return v
    } catch (err) {
      fail(err)
      return null
    }
  }

  /** Published, or the versions waiting after that time for the admin to confirm (409 WAITING_VERSIONS), or failed (shown). */
  const publish = async (effectiveFrom: string, confirmWaiting?: number[]): Promise<{ published: PriceVersion } | { waiting: WaitingVersion[] } | null> => {
    const draft = await save()
    if (!draft || stationId === null) return null
    try {
      const published = await publishPriceDraft(stationId, draft.id, effectiveFrom, confirmWaiting)
      // The next draft starts from what was just published.
      setDraftId(null)
      setLines(linesFrom(published.items, nameOf))
      versions.reload()
      return { published }
    } catch (err) {
      const waiting = toApiError(err).code === 'WAITING_VERSIONS' ? ZWaitingVersionsDetails.safeParse(toApiError(err).details) : null
      if (waiting?.success) return { waiting: waiting.data.waiting }
      fail(err)
      return null
    }
  }

  // Published versions still waiting for their date: the admin is told, so a new one is not a surprise to them.
  const waiting = (versions.data?.versions ?? []).filter((v) => v.status === 'published' && !v.inForce && Date.parse(v.effectiveFrom) > Date.now())
  return { versions, services, lines, draftId, problems, error, change, save, publish, nameOf, waiting }
}
