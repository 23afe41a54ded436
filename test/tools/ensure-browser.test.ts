import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// `npm test` starts with this script (pretest): on a fresh machine it must get Chromium and the font itself, or say in
// one line what to run. apt and dpkg are replaced by fakes here so the test never installs anything.
const SCRIPT = path.join(__dirname, 'ensure-browser.sh')

function sandbox() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ensure-browser-'))
  const chromium = path.join(dir, 'chromium')
  const aptLog = path.join(dir, 'apt.log')
  const fontFlag = path.join(dir, 'font-installed')
  // Fake apt-get: records its arguments and "installs" by creating the files the script checks.
  fs.writeFileSync(
    path.join(dir, 'apt-get'),
    `#!/bin/sh\necho "$@" >> ${aptLog}\ncase "$*" in *install*) printf '#!/bin/sh\\n' > ${chromium}; chmod +x ${chromium}; touch ${fontFlag};; esac\n`,
    { mode: 0o755 },
  )
  fs.writeFileSync(path.join(dir, 'dpkg-query'), `#!/bin/sh\n[ -f ${fontFlag} ] && printf 'install ok installed'\nexit 0\n`, { mode: 0o755 })
  const run = (env: Record<string, string> = {}) =>
    spawnSync('bash', [SCRIPT], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', CHROMIUM_PATH: chromium, APT_GET: path.join(dir, 'apt-get'), DPKG_QUERY: path.join(dir, 'dpkg-query'), ...env },
    })
  return { dir, chromium, aptLog, fontFlag, run }
}

const lines = (s: string) => s.split('\n').filter((l) => l.trim() !== '')

// Only root (or passwordless sudo) installs; CI runs as root. The next test covers everyone else.
const asRoot = process.getuid?.() === 0 ? it : it.skip

asRoot('installs Chromium and the Chinese font when they are missing and apt may be run', () => {
  const box = sandbox()
  const r = box.run()
  expect(r.status).toBe(0)
  expect(fs.readFileSync(box.aptLog, 'utf8')).toMatch(/install .*chromium fonts-wqy-microhei/)
  expect(fs.existsSync(box.chromium)).toBe(true)
})

it('when it may not install, says in one line what to run, and fails', () => {
  const box = sandbox()
  const r = box.run({ ENSURE_BROWSER_NO_INSTALL: '1' })
  expect(r.status).toBe(1)
  expect(r.stdout).toBe('')
  expect(lines(r.stderr)).toHaveLength(1)
  expect(r.stderr).toContain('apt-get install -y chromium fonts-wqy-microhei')
  expect(fs.existsSync(box.aptLog)).toBe(false)
})

it('is silent and installs nothing when both are there', () => {
  const box = sandbox()
  fs.writeFileSync(box.chromium, '#!/bin/sh\n', { mode: 0o755 })
  fs.writeFileSync(box.fontFlag, '')
  const r = box.run()
  expect(r.status).toBe(0)
  expect(r.stdout + r.stderr).toBe('')
  expect(fs.existsSync(box.aptLog)).toBe(false)
})

it('asks only for what is missing', () => {
  const box = sandbox()
  fs.writeFileSync(box.chromium, '#!/bin/sh\n', { mode: 0o755 })
  const r = box.run({ ENSURE_BROWSER_NO_INSTALL: '1' })
  expect(r.status).toBe(1)
  expect(r.stderr).toContain('apt-get install -y fonts-wqy-microhei')
  expect(r.stderr).not.toContain('chromium')
})

it('npm test runs it first', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8'))
  expect(pkg.scripts.pretest).toContain('test/tools/ensure-browser.sh')
})
