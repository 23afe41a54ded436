export default definePageConfig({ navigationBarTitleText: '安排巡访', enablePageMeta: true })
