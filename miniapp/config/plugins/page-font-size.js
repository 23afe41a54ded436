/**
 * Taro 4.2.1's weapp template does not forward `page-font-size` to <page-meta> (its attribute list
 * omits it), so `<PageMeta pageFontSize="system">` alone is lost. WeChat's 适老化 guide needs it to
 * make text follow the user's WeChat font setting; pages with `enablePageMeta` get it added here.
 */
const { sources } = require('webpack')

module.exports = (ctx) => {
  ctx.modifyBuildAssets(({ assets }) => {
    if (process.env.TARO_ENV !== 'weapp') return
    for (const name of Object.keys(assets)) {
      if (!name.endsWith('.wxml')) continue
      const text = assets[name].source().toString()
      if (!text.includes('<page-meta ') || text.includes('page-font-size=')) continue
      assets[name] = new sources.RawSource(text.replace('<page-meta ', '<page-meta page-font-size="system" '))
    }
  })
}
