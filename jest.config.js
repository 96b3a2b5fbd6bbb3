/**
 * One jest config for every tier (`*.spec.ts`, `*.int-spec.ts`, `*.e2e-spec.ts`).
 * NestJS 12 ships as ES modules only; Node 20 can require() them but jest's module runtime cannot, so swc
 * also compiles @nestjs/* to CommonJS for the tests (it rewrites `import.meta.url` to the CommonJS file URL).
 */
const swcTypeScript = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
};
const swcEsModules = { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022', keepClassNames: true }, module: { type: 'commonjs' } };

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/{apps,libs,test,examples}/**/*.(spec|int-spec|e2e-spec).ts'],
  // Decorator metadata, as apps/*/main.ts loads it first.
  setupFiles: ['reflect-metadata'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', swcTypeScript],
    '^.+\\.js$': ['@swc/jest', swcEsModules],
  },
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/)'],
  moduleNameMapper: { '^@orgchange/(.*)$': '<rootDir>/libs/$1/src' },
  // Jest's default (one worker fewer than the cores) runs every suite in one process on a 2-core machine: memory
  // held by earlier suites then slows later ones (the 100,000-event KurrentDB suite took 200 s instead of 42).
  // Two workers, recycled past 1 GB, halved the whole run here (975 s to 479 s); many suites mostly wait on
  // servers, timers and child processes.
  maxWorkers: '100%',
  workerIdleMemoryLimit: '1GB',
};
