// Component and client tests for the mini-program: jsdom + Taro's real H5 components; the Taro
// API (storage, request, navigation) is a small in-memory stand-in so tests need no platform.
const path = require('node:path')

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'miniapp',
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
  testEnvironment: 'jsdom',
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  setupFiles: ['<rootDir>/jest/setup-env.js'],
  transform: {
    '^.+\\.(tsx?|jsx?|mjs)$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2020',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // Taro's components ship as ES modules: compile them like our own code.
  transformIgnorePatterns: ['/node_modules/(?!(@tarojs|@stencil|\\.pnpm|tslib|swiper|classnames|lodash-es|@babel/runtime)/)'],
  moduleNameMapper: {
    '^@tarojs/components$': '@tarojs/components/lib/react/index',
    '^@tarojs/taro$': '<rootDir>/jest/taro-stub.ts',
    '^@carecircle/shared$': path.join(__dirname, '..', 'shared', 'src', 'index.ts'),
    '\\.css$': '<rootDir>/jest/style-stub.js',
  },
  globals: { DEPRECATED_ADAPTER_COMPONENT: false, API_BASE: '' },
}
