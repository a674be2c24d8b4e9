/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // Transpile only (tsconfig's isolatedModules): `npm run lint` type-checks the whole tree with tsc.
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/test/**/*.test.tsx"],
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  testTimeout: 60000,
  // One worker per core: Jest's default (cores − 1) leaves a core of a 2-core machine idle.
  maxWorkers: "100%",
};
