// Resident pages live in the main package; staff and supervisors get their own subpackages so the
// main package stays small. No Taro tabBar: the bottom nav is our own component inside Page.
export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/services/index',
    'pages/stations/index',
    'pages/price-board/index',
    'pages/book/time/index',
    'pages/book/confirm/index',
    'pages/orders/index',
    'pages/orders/detail/index',
    'pages/mine/index',
    'pages/login/index',
    'pages/complaints/new/index',
    'pages/complaints/index',
    'pages/complaints/detail/index',
    'pages/messages/index',
    'pages/honour-board/index',
    'pages/family/index',
    'pages/family/bind/index',
    'pages/family/invite/index',
    'pages/family/new-elder/index',
    'pages/visits/index',
    'pages/visits/record/index',
    'pages/price-compare/index',
    'pages/subsidy/index',
  ],
  subPackages: [
    { root: 'pages-staff', pages: ['orders/index', 'complaints/index', 'complaints/detail/index', 'phone-order/index', 'pending-elders/index', 'prices/index', 'rounds/index'] },
    { root: 'pages-supervisor', pages: ['unassigned/index', 'complaints/index', 'complaints/detail/index', 'more/index', 'stations/index', 'inspections/index', 'charges/index', 'figures/index', 'elders/index', 'subsidy/index', 'care-map/index', 'care-plans/index', 'care-plans/new/index', 'care-rounds/index'] },
  ],
  // Staff check-in (签到) records where the device is, when it can: proof of the visit. Refusal still checks in.
  // A relative creating a parent's profile picks the home on the map (chooseLocation), or types it.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: { 'scope.userLocation': { desc: '签到时记录服务人员所在位置，作为上门服务的凭证；为老人建档时在地图上选家的位置' } },
  window: {
    navigationBarBackgroundColor: '#1a5fb4',
    navigationBarTextStyle: 'white',
    navigationBarTitleText: '颐邻',
    backgroundColor: '#f4f6f8',
    backgroundTextStyle: 'dark',
  },
  // weapp: inject only the components a page uses (WeChat's code-quality check requires it; faster start-up).
  lazyCodeLoading: 'requiredComponents',
  // H5 only: page slide animations put a transform on the page, which breaks the fixed bottom nav,
  // and moving screens are no help to older eyes.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
})
