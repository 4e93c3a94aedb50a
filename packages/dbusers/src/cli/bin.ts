#!/usr/bin/env node
// The lean fetch classes go in before any module that could touch the platform's (lean-web.ts).
import { installLeanWeb } from "./lean-web.js";
import { main } from "./main.js";
import { processIo } from "./process-io.js";

installLeanWeb();
process.exitCode = await main(process.argv.slice(2), processIo());
