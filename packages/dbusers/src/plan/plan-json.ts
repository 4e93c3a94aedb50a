/** A saved plan (`plan --out plan.json`) read back, with its shape checked before anything is sent. */
import { VENDOR_NAMES } from "../model.js";
import { InvalidPlanError } from "./errors.js";
import { PLAN_FORMAT, PLAN_VERSION, type Plan } from "./plan-types.js";

const ACTIONS = new Set(["create", "update", "rotate", "delete"]);

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

export function readPlan(text: string): Plan {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new InvalidPlanError("the file is not JSON");
  }
  if (!isObject(data) || data.format !== PLAN_FORMAT)
    throw new InvalidPlanError(`"format" is not ${JSON.stringify(PLAN_FORMAT)}`);
  if (data.version !== PLAN_VERSION) {
    throw new InvalidPlanError(
      `version ${JSON.stringify(data.version)}; this dbusers applies version ${PLAN_VERSION}`,
    );
  }
  if (typeof data.baseDir !== "string" || typeof data.source !== "string")
    throw new InvalidPlanError("missing source or baseDir");
  if (!Array.isArray(data.targets)) throw new InvalidPlanError('"targets" is not a list');
  data.targets.forEach((t: unknown, i) => {
    const where = `targets[${i}]`;
    if (!isObject(t) || typeof t.name !== "string" || typeof t.fingerprint !== "string") {
      throw new InvalidPlanError(`${where} has no name or fingerprint`);
    }
    const c = t.connection;
    if (
      !isObject(c) ||
      !VENDOR_NAMES.includes(c.vendor as never) ||
      typeof c.id !== "string" ||
      !isObject(c.credentials)
    ) {
      throw new InvalidPlanError(`${where}.connection is not a target connection`);
    }
    if (
      c.settings !== undefined &&
      (!isObject(c.settings) || Object.values(c.settings).some((v) => typeof v !== "string"))
    ) {
      throw new InvalidPlanError(`${where}.connection.settings is not a map of strings`);
    }
    if (!Array.isArray(t.changes) || !Array.isArray(t.unmanaged))
      throw new InvalidPlanError(`${where} has no changes list`);
    t.changes.forEach((change: unknown, j) => {
      if (
        !isObject(change) ||
        !ACTIONS.has(String(change.action)) ||
        !isObject(change.user) ||
        typeof change.user.name !== "string"
      ) {
        throw new InvalidPlanError(`${where}.changes[${j}] is not a change`);
      }
      if (change.action === "update" && !Array.isArray(change.fields))
        throw new InvalidPlanError(`${where}.changes[${j}] has no fields`);
    });
  });
  return data as unknown as Plan;
}
