import { bigint, datetime } from 'drizzle-orm/mysql-core'
import { sql } from 'drizzle-orm'

/** MariaDB rejects drizzle's serial(); this is the id every table uses. */
export const id = () => bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey()
/** A reference to another table's id. */
export const ref = (name: string) => bigint(name, { mode: 'number', unsigned: true })
/** UTC instant (the connection runs with timezone 'Z'); shown to people in Asia/Shanghai. */
export const utc = (name: string) => datetime(name, { mode: 'date', fsp: 3 })

export const lifecycleDates = {
  createdAt: utc('created_at').notNull().default(sql`CURRENT_TIMESTAMP(3)`),
  updatedAt: utc('updated_at').notNull().default(sql`CURRENT_TIMESTAMP(3)`).$onUpdate(() => new Date()),
}
