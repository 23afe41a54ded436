export default definePageConfig({ navigationBarTitleText: '投诉督办', enablePageMeta: true })
