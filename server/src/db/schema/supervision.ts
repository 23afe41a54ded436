import { mysqlTable, varchar, mysqlEnum, json, int, index, uniqueIndex } from 'drizzle-orm/mysql-core'
import { INSPECTION_RESULTS } from '@carecircle/shared'
import { id, ref, utc, lifecycleDates } from './util'

/** One 双随机 draw: the seed and the candidate stations it was drawn from, so anyone can replay it. */
export const inspectionDraws = mysqlTable('inspection_draws', {
  id: id(),
  seed: varchar('seed', { length: 64 }).notNull(),
  /** Active station ids at the moment of the draw, ascending. */
  candidateIds: json('candidate_ids').$type<number[]>().notNull(),
  requestedCount: int('requested_count').notNull(),
  drawnBy: ref('drawn_by').notNull(),
  drawnAt: utc('drawn_at').notNull(),
  ...lifecycleDates,
})

/** A drawn station's inspection; the result, once recorded, is public on the station's price board. */
export const inspections = mysqlTable(
  'inspections',
  {
    id: id(),
    drawId: ref('draw_id').notNull(),
    stationId: ref('station_id').notNull(),
    result: mysqlEnum('result', INSPECTION_RESULTS),
    notes: varchar('notes', { length: 500 }),
    inspectedBy: ref('inspected_by'),
    inspectedAt: utc('inspected_at'),
    ...lifecycleDates,
  },
  (t) => [uniqueIndex('inspections_draw_station_uq').on(t.drawId, t.stationId), index('inspections_station_idx').on(t.stationId, t.inspectedAt)],
)
