// Minimal Jest transformer: esbuild turns each TypeScript file into CommonJS with inline source maps.
const { transformSync } = require('esbuild');
const { createHash } = require('node:crypto');

module.exports = {
  process(source, filename) {
    const result = transformSync(source, {
      loader: filename.endsWith('.js') ? 'js' : filename.endsWith('x') ? 'tsx' : 'ts',
      // The sidebar's views are TSX with the factory `h` (as src/sidebar/tsconfig.json says for the build).
      jsx: 'transform',
      jsxFactory: 'h',
      jsxFragment: 'Fragment',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      sourcefile: filename,
    });
    return { code: result.code };
  },
  getCacheKey(source, filename) {
    return createHash('sha1').update(source).update(filename).update('v2').digest('hex');
  },
};
