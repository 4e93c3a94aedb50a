#!/usr/bin/env node
// The lean fetch classes go in before any module that could touch the platform's (lean-web.ts).
import { installLeanWeb } from "./lean-web.js";

installLeanWeb();
const [{ main }, { processIo }] = await Promise.all([import("./main.js"), import("./process-io.js")]);
process.exitCode = await main(process.argv.slice(2), processIo());
