import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Builds the renderer into out/renderer with relative asset paths, so the same files load from
// the desktop app's app:// protocol and from the loopback harness.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
