export default definePageConfig({ navigationBarTitleText: '双随机抽查', enablePageMeta: true })
