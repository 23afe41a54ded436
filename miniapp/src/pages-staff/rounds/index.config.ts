export default definePageConfig({ navigationBarTitleText: '巡访任务', enablePageMeta: true })
