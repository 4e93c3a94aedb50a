// Writes schema/dbusers.schema.json from the schema the loader uses (run after `build`), formatted
// as the repository's formatter wants it.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DESIRED_STATE_SCHEMA } from "../dist/plan/file-schema.js";

const path = fileURLToPath(new URL("../schema/dbusers.schema.json", import.meta.url));
writeFileSync(path, `${JSON.stringify(DESIRED_STATE_SCHEMA, null, 2)}\n`);
execFileSync("npx", ["biome", "format", "--write", path], { stdio: "ignore" });
