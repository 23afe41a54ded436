import { useState } from 'react'
import { View } from '@tarojs/components'
import { INSPECTION_RESULTS, INSPECTION_RESULT_LABELS, type InspectionDraw, type InspectionResult } from '@carecircle/shared'
import { BigButton } from '../../components/big-button'
import { Choice, ChoiceGrid } from '../../components/choice'
import { ErrorState } from '../../components/error-state'
import { TextBox } from '../../components/text-box'
import { Card } from '../../components/card'
import { recordInspection, toApiError, type ApiError } from '../../api'
import { formatDateTime } from '../../lib/time'

type Inspection = InspectionDraw['inspections'][number]

/** One drawn station: its result once recorded, or the form to record it (result in words + what was found). */
export function InspectionCard({ inspection, onRecorded }: { inspection: Inspection; onRecorded: (draw: InspectionDraw) => void }) {
  const [result, setResult] = useState<InspectionResult | null>(null)
  const [notes, setNotes] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const missing = result === null ? '请选检查结果。' : notes.trim().length < 2 ? '请写下检查情况（至少 2 个字，会公开）。' : null

  const submit = async () => {
    if (!result) return
    setError(null)
    try {
      onRecorded(await recordInspection(inspection.id, { result, notes: notes.trim() }))
    } catch (err) {
      setError(toApiError(err))
    }
  }

  return (
    <View className='stack' data-testid='drawn-station' data-station-id={inspection.station.id} data-result={inspection.result ?? ''}>
      <Card title={inspection.station.name} className='stack'>
      {inspection.result ? (
        <View data-testid='inspection-recorded'>
          <View className='t-big'>结果：{inspection.resultLabel}</View>
          <View>检查情况：{inspection.notes}</View>
          {inspection.inspectedAt ? <View className='t-small'>记录时间：{formatDateTime(inspection.inspectedAt)}（已在价格公示页公开）</View> : null}
        </View>
      ) : (
        <>
          <View className='t-muted'>还没有记录结果。检查后在这里记录，结果会公开在这家驿站的价格公示页上。</View>
          <ChoiceGrid wide>
            {INSPECTION_RESULTS.map((r) => (
              <Choice key={r} label={INSPECTION_RESULT_LABELS[r]} selected={result === r} testId='inspection-result' value={r} onPress={() => setResult(r)} />
            ))}
          </ChoiceGrid>
          <View className='field-label'>检查情况（必填，会公开）：</View>
          <TextBox value={notes} onChange={setNotes} maxLength={500} label='检查情况' placeholder='例如：价格公示齐全，收费与公示一致' testId='inspection-notes' />
          {missing ? <View className='t-muted'>{missing}</View> : null}
          {error ? <ErrorState error={error} hint='请检查后再试。' /> : null}
          <BigButton testId='record-inspection' disabled={!!missing} onPress={submit} loadingText='正在保存，请稍候'>
            {result ? `记录结果：${INSPECTION_RESULT_LABELS[result]}` : '记录结果'}
          </BigButton>
        </>
      )}
      </Card>
    </View>
  )
}
