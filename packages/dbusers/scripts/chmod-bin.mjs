// The bundled binary is written without the executable bit; npm sets it on install, but
// `node_modules/.bin` links made by a workspace install point at the built file itself.
import { chmodSync } from "node:fs";

chmodSync(new URL("../dist/bin/dbusers.cjs", import.meta.url), 0o755);
