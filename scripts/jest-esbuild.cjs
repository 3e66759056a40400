// Minimal Jest transformer: esbuild turns each TypeScript file into CommonJS with inline source maps.
const { transformSync } = require('esbuild');
const { createHash } = require('crypto');

module.exports = {
  process(source, filename) {
    const result = transformSync(source, {
      loader: filename.endsWith('x') ? 'tsx' : 'ts',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      sourcefile: filename,
    });
    return { code: result.code };
  },
  getCacheKey(source, filename) {
    return createHash('sha1').update(source).update(filename).update('v1').digest('hex');
  },
};
