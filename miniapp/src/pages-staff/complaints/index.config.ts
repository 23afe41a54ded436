export default definePageConfig({ navigationBarTitleText: '本站投诉', enablePageMeta: true })
