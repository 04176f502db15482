// webpack.config.mjs
export default {
  mode: 'production',
  entry: './main.js',
  output: { filename: 'main.js', clean: true },
  module: {
    rules: [{ test: /\.css$/i, use: ['style-loader', 'css-loader'] }],
  },
};
