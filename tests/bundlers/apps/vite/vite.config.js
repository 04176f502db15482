// Vite: nothing to configure for `vite build`; the dev server needs this one line.
export default {
  optimizeDeps: { exclude: ['breach-explainer'] },
};
