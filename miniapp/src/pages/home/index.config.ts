export default definePageConfig({ navigationBarTitleText: '颐邻 · 首页', enablePageMeta: true })
