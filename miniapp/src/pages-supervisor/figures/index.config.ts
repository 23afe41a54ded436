export default definePageConfig({ navigationBarTitleText: '驿站考评', enablePageMeta: true })
