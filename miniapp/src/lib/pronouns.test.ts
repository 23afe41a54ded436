import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

/**
 * Screens and notices speak of an elder as 老人 or by name, never 他/她: most of the elders are women, and a
 * wrong pronoun reads as careless. 其他, 他们 (the hotline's people) and 他人 are fine; comments are not read.
 */
const ROOTS = [path.resolve(__dirname, '..'), path.resolve(__dirname, '../../../server/src'), path.resolve(__dirname, '../../../shared/src')]
const PRONOUN = /(?<!其)[他她](?![们人])/

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return sources(full)
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : []
  })
}

const isComment = (line: string) => /^\s*(\/\/|\/?\*|\{\/\*)/.test(line)

it('no screen or notice text calls a person 他 or 她', () => {
  const found = ROOTS.flatMap(sources).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line, i) => ({ where: `${path.relative(path.resolve(__dirname, '../../..'), file)}:${i + 1}`, line: line.trim() }))
      .filter(({ line }) => !isComment(line) && PRONOUN.test(line.replace(/\/\/.*$/, ''))),
  )
  expect(found).toEqual([])
})
