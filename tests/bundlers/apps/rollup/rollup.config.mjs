// rollup.config.mjs
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { importMetaAssets } from '@web/rollup-plugin-import-meta-assets';
import css from 'rollup-plugin-css-only';

export default {
  input: 'main.js',
  output: { dir: 'dist', format: 'es' },
  plugins: [nodeResolve({ browser: true }), css({ output: 'main.css' }), importMetaAssets()],
};
