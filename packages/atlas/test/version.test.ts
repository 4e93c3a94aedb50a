/** The client's VERSION constant (sent in User-Agent) is the package's version. */
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import * as clientModule from "../src/index.js";

test("VERSION equals package.json's", async () => {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  expect(clientModule.VERSION).toBe(pkg.version);
});
