import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import ElementPlus from 'unplugin-element-plus/vite';
import { defineConfig } from 'vite';

// `pnpm dev`: Vite on :5173 with /graphql (HTTP and graphql-ws) proxied to the server on
// :4000. `pnpm build`: web/dist, which the server serves at / with history fallback.
export default defineConfig({
  // Only the Element Plus styles the app uses: each `import { ElX } from 'element-plus'`
  // brings its own component's CSS (issue 16), instead of the whole library's sheet. Not
  // under vitest: unit tests need no styles, and Node cannot import element-plus's .css.
  plugins: [vue(), ...(process.env.VITEST ? [] : [ElementPlus({})])],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // Issue 13: the server's phone rule, the very same file, so the forms refuse what the
      // API refuses. It imports only libphonenumber-js, resolved from the web's own packages.
      '@phone': fileURLToPath(new URL('../server/src/platform/phone.ts', import.meta.url)),
    },
    dedupe: ['libphonenumber-js'],
  },
  define: {
    __VUE_I18N_FULL_INSTALL__: 'true',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: 'http://localhost:4000', ws: true, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Vue and its plugins in a long-cached chunk of their own; Element Plus is split by use,
    // so the table, drawer and message box load with the admin pages that need them.
    rolldownOptions: {
      // The generated documents are `new TypedDocumentString(…)`: pure, so a chunk carries
      // only the documents it uses (otherwise all of them ship in the initial load).
      treeshake: { manualPureFunctions: ['TypedDocumentString'] },
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'vue',
              test: /node_modules[\\/](@vue|vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/,
              priority: 3,
            },
          ],
        },
      },
    },
  },
});
