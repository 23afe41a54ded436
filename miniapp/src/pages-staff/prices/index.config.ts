export default definePageConfig({ navigationBarTitleText: '本站价格公示', enablePageMeta: true })
