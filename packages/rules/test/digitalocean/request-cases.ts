/** What the DigitalOcean request tests share: violations as `[path, rule]` pairs, and a server-profile context. */
import { type DigitalOceanContextInput, validateRequest } from "../../src/providers/digitalocean/index.js";

type Op = "addUser" | "updateUser" | "resetUserAuth";

export const check = (op: Op, body: unknown, ctx?: DigitalOceanContextInput) =>
  validateRequest(op, body, ctx).map((v) => [v.path, v.rule]);

export const server = (engine?: DigitalOceanContextInput["engine"]) =>
  ({ profile: "server", engine }) as const;
