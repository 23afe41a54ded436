export default definePageConfig({ navigationBarTitleText: '我的家人', enablePageMeta: true })
