export default definePageConfig({ navigationBarTitleText: '关爱地图', enablePageMeta: true })
