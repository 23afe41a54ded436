// WeChat's own upload checks (miniprogram-ci checkCodeQuality), run offline on the weapp build.
// Prints the result items as JSON on the last line of stdout. Run from the repository root after
// `npm run build:weapp`; a child process because miniprogram-ci leaves a file watcher running.
const path = require('node:path')
const { generateKeyPairSync } = require('node:crypto')
const ci = require('miniprogram-ci')

async function main() {
  const root = path.resolve(__dirname, '..', '..')
  // The offline check never signs anything, but a Project must be given a key: a throw-away one.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const project = new ci.Project({
    appid: 'touristappid',
    type: 'miniProgram',
    projectPath: root,
    privateKey: privateKey.export({ type: 'pkcs1', format: 'pem' }),
    ignores: ['node_modules/**/*'],
  })
  const items = await ci.checkCodeQuality(project)
  process.stdout.write(`\n${JSON.stringify(items)}\n`)
  process.exit(0)
}

main().catch((e) => {
  console.error(e?.message ?? e)
  process.exit(1)
})
