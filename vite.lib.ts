import { defineConfig, type UserConfig } from 'vite'

/**
 * Library-mode build shared by every package: ESM only, one file per entry,
 * every dependency external so consumers dedupe and tree-shake them.
 */
export function libraryConfig(entry: Record<string, string>): UserConfig {
  return defineConfig({
    build: {
      lib: { entry, formats: ['es'] },
      target: 'es2022',
      minify: false,
      sourcemap: true,
      emptyOutDir: true,
      rolldownOptions: {
        external: [/^@smartpay-kit\//, 'ky', 'valibot', 'vite', 'react', 'selfsigned', /^node:/],
        output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  })
}
