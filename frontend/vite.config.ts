/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Served by Quarkus through Quinoa; in `vite dev` API and WebSocket calls go to Quarkus.
export default defineConfig({
  plugins: [react()],
  define: {
    "process.env.IS_PREACT": JSON.stringify("false"),
  },
  build: {
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      output: {
        // Excalidraw's font-subsetting worker imports Excalidraw's own small shared chunks. Left to itself the
        // bundler folds those into the app's entry chunk, so the worker would load the whole app (which needs a
        // `document`), never answer, and SVG export would log "Failed to use workers for subsetting". Each of
        // Excalidraw's chunks stays a chunk of its own.
        manualChunks(id) {
          const chunk = /@excalidraw\/excalidraw\/dist\/prod\/(chunk-[A-Z0-9]+)\.js$/.exec(id);
          return chunk ? `excalidraw-${chunk[1]}` : undefined;
        },
      },
    },
  },
  test: { environment: "node", include: ["src/**/*.test.ts"] },
});
