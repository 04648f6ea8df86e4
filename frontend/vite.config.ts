/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Served by Quarkus through Quinoa; in `vite dev` API and WebSocket calls go to Quarkus.
export default defineConfig({
  plugins: [react()],
  define: {
    "process.env.IS_PREACT": JSON.stringify("false"),
  },
  build: { chunkSizeWarningLimit: 4096 },
  test: { environment: "node", include: ["src/**/*.test.ts"] },
});
