// The code branches on these at build time; under test we are the H5 build.
process.env.TARO_ENV = 'h5'
process.env.TARO_PLATFORM = 'web'
