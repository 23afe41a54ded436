import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'

const isH5 = process.env.TARO_ENV === 'h5'
// The shared TypeScript package (zod schemas, labels) must be compiled like our own source.
const sharedDir = path.resolve(__dirname, '..', '..', 'shared')

/** The weapp API origin is fixed at build time and must be HTTPS (WeChat's request domain rule). */
function apiBase(): string {
  if (isH5) return '' // served by the Koa server: same origin, /api
  const base = (process.env.TARO_APP_API_BASE ?? 'https://api.example.invalid').replace(/\/$/, '')
  if (!/^https:\/\//.test(base)) throw new Error(`TARO_APP_API_BASE must be an https:// URL, got "${base}"`)
  return base
}

export default defineConfig<'webpack5'>(async () => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'carecircle-miniapp',
    date: '2026-11-23',
    // Write CSS in px for a 375-wide design: 18px → 36rpx on weapp; H5 keeps px (pxtransform off).
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist/h5' : 'dist/weapp',
    plugins: [path.resolve(__dirname, 'plugins', 'page-font-size.js')],
    defineConstants: { API_BASE: JSON.stringify(apiBase()) },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: true },
    mini: {
      compile: { include: [sharedDir] },
      // Each component's CSS uses only its own class names, so the order of the files never matters.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedDir] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        // Browser tests measure computed px: keep sizes exactly as written.
        pxtransform: { enable: false, config: {} },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        // Taro splits only initial chunks on H5, so every lazy page chunk carried its own copy of
        // zod, the shared schemas and our components; share them across pages instead.
        const splitChunks = chain.optimization.get('splitChunks')
        chain.optimization.splitChunks({ ...splitChunks, chunks: 'all' })
        // React + the Taro runtime alone are ~300 KiB; warn only well past that.
        chain.performance.maxEntrypointSize(512 * 1024).maxAssetSize(512 * 1024)
        // The persistent cache logs that Taro's component module cannot be cached: noise, not a fault.
        chain.set('infrastructureLogging', { level: 'error' })
      },
    },
  }
  return config
})
