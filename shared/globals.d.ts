/** Set by esbuild: true in dist/ bundles, false when running TypeScript sources (tsx, vitest). */
declare const __BUNDLED__: boolean;
