#!/usr/bin/env node
// The lean fetch classes go in before anything could touch the platform's (lean-web.ts): the two
// modules imported here only define functions when they load.
import { installLeanWeb } from "./lean-web.js";
import { main } from "./main.js";
import { processIo } from "./process-io.js";

installLeanWeb();
main(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
