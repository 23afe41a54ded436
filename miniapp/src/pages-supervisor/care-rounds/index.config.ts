export default definePageConfig({ navigationBarTitleText: '巡访情况', enablePageMeta: true })
