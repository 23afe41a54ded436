// babel-preset-taro compiles the app for both weapp and h5; TypeScript via the preset, React 18 JSX.
// hot: false — `dev:h5` would otherwise need react-refresh, which we do not install.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', hot: false }]],
}
