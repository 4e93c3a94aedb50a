import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "rackspace",
    include: ["test/**/*.test.ts"],
    // Property tests make many real loopback round trips; shared CI machines can be slow.
    testTimeout: 60_000,
  },
});
