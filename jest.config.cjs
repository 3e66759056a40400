/**
 * Jest runs the TypeScript sources through esbuild (no ts-jest: it needs the TypeScript JS API).
 * Two projects, run in this order by `npm test` so a broken test fails in a minute:
 *   fast — unit, formula, bundle, emulator and the shell tests that run in seconds;
 *   slow — a fault injected at every service call in turn, 18 months of clock-driven refreshes,
 *          and headless Chromium (sidebar and playground).
 * `npx jest` alone runs both; `npm run test:fast` / `npm run test:slow` one of them.
 */
const SLOW = [
  '/test/browser/.+\\.test\\.ts$',
  '/test/shell/.+-faults\\.test\\.ts$',
  '/test/shell/refresh-clock\\.test\\.ts$',
  '/test/campaign/.+\\.test\\.ts$',
];

const common = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: {
    '^.+\\.tsx?$': '<rootDir>/scripts/jest-esbuild.cjs',
    // superfine (the sidebar's view layer) ships ES modules only: turned into CommonJS like our sources.
    '/node_modules/superfine/.+\\.js$': '<rootDir>/scripts/jest-esbuild.cjs',
  },
  transformIgnorePatterns: ['/node_modules/(?!superfine/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testTimeout: 30000,
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'fast',
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...SLOW],
    },
    { ...common, displayName: 'slow', testRegex: SLOW },
  ],
  reporters: ['default', '<rootDir>/scripts/jest-summary.cjs'],
};
