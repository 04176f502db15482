// vite.config.js
export default {
  optimizeDeps: { exclude: ['breach-explainer'] },
};
