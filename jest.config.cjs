/** Jest runs the TypeScript sources through esbuild (no ts-jest: it needs the TypeScript JS API). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': '<rootDir>/scripts/jest-esbuild.cjs',
    // superfine (the sidebar's view layer) ships ES modules only: turned into CommonJS like our sources.
    '/node_modules/superfine/.+\\.js$': '<rootDir>/scripts/jest-esbuild.cjs',
  },
  transformIgnorePatterns: ['/node_modules/(?!superfine/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/scripts/jest-summary.cjs'],
};
