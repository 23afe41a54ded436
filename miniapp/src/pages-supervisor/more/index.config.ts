export default definePageConfig({ navigationBarTitleText: '监管工作', enablePageMeta: true })
