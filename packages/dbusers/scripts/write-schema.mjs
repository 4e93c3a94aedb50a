// Writes schema/dbusers.schema.json from the schema the loader uses (run after `build`).
import { writeFileSync } from "node:fs";
import { DESIRED_STATE_SCHEMA } from "../dist/plan/file-schema.js";

writeFileSync(
  new URL("../schema/dbusers.schema.json", import.meta.url),
  `${JSON.stringify(DESIRED_STATE_SCHEMA, null, 2)}\n`,
);
