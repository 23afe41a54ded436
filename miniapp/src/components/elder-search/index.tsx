import { useState, type ReactNode } from 'react'
import { Input, View } from '@tarojs/components'
import type { ElderListItem, ElderSearchResponse } from '@carecircle/shared'
import { BigButton } from '../big-button'
import { ErrorState } from '../error-state'
import { ElderResult } from '../elder-result'
import { searchElders, toApiError, type ApiError } from '../../api'
import { searchTerm } from '../../lib/elder-search'

export interface ElderSearchProps {
  /** The buttons under each elder found (e.g. 为她下单, 认定和时长). */
  actions: (elder: ElderListItem) => ReactNode
  /** What to say when nobody matches. */
  none?: string
}

/** Staff and supervisors find an elder by name (part of it) or the phone's last 4 digits. */
export function ElderSearch({ actions, none = '没有找到。请核对姓名或手机号后 4 位。' }: ElderSearchProps) {
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [found, setFound] = useState<ElderSearchResponse | null>(null)

  const search = async () => {
    const term = searchTerm(text)
    setError(null)
    if ('problem' in term) {
      setProblem(term.problem)
      return
    }
    setProblem(null)
    try {
      setFound(await searchElders({ q: term.q }))
    } catch (err) {
      setError(toApiError(err))
    }
  }

  return (
    <>
      <View className='field-label'>老人姓名，或手机号后四位</View>
      <Input
        className='field'
        value={text}
        maxlength={32}
        confirmType='search'
        onInput={(e) => setText(e.detail.value)}
        onConfirm={search}
        nativeProps={{ 'aria-label': '老人姓名，或手机号后 4 位' }}
        data-testid='elder-search'
      />
      {problem ? (
        <View className='notice warn' role='alert'>
          {problem}
        </View>
      ) : null}
      <BigButton testId='elder-search-submit' loadingText='正在查找……' onPress={search}>
        查找老人
      </BigButton>
      {error ? <ErrorState error={error} /> : null}
      {found && found.elders.length === 0 ? (
        <View className='notice' data-testid='elder-none'>
          {none}
        </View>
      ) : null}
      {found?.elders.map((e) => (
        <ElderResult key={e.id} elder={e}>
          {actions(e)}
        </ElderResult>
      ))}
      {found?.nextCursor ? (
        <View className='notice' data-testid='elder-more'>
          找到的老人不止这 {found.elders.length} 位（先列出最新建档的）。请多输入几个字，或输入手机号后 4 位，缩小范围。
        </View>
      ) : null}
    </>
  )
}

export default ElderSearch
