// Rewrites the capability table in README.md from the capability data (run after a build:
// `pnpm --filter dbusers run readme:table`); test/readme.test.ts fails while they differ.
import { readFileSync, writeFileSync } from "node:fs";
import { CAPABILITIES, capabilityTable } from "../dist/index.js";

const file = new URL("../README.md", import.meta.url);
const readme = readFileSync(file, "utf8");
const next = readme.replace(
  /(<!-- capabilities:start -->\n)[\s\S]*?(\n<!-- capabilities:end -->)/,
  (_all, start, end) => `${start}${capabilityTable(CAPABILITIES)}${end}`,
);
writeFileSync(file, next);
