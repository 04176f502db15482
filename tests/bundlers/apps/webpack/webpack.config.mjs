// webpack 5: the wasm needs nothing (new URL(..., import.meta.url) becomes an asset); the
// stylesheet needs the usual CSS loaders.
export default {
  mode: 'production',
  entry: './main.js',
  output: { filename: 'main.js', clean: true },
  module: {
    rules: [{ test: /\.css$/i, use: ['style-loader', 'css-loader'] }],
  },
};
