export default definePageConfig({ navigationBarTitleText: '代客下单', enablePageMeta: true })
