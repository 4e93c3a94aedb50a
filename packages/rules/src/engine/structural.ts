/** Violations of structural rules (types, required keys, array sizes …) in a request walk. */
import type { BaseContext, Violation } from "../types.js";
import type { WalkEnv } from "./check-field.js";
import type { StructuralRule } from "./shape.js";
import { formatPath, type PathSegment } from "./violation.js";

export function structural<C extends BaseContext>(
  out: Violation[],
  path: readonly PathSegment[],
  rule: StructuralRule<C>,
  params: Record<string, unknown>,
): void {
  const where = formatPath(path);
  out.push({
    path: where,
    rule: rule.id,
    message: rule.message({ path: where || "the request", ...params }),
    params,
  });
}

/** A rule every provider's requests share, named after the provider. */
export const generic = (
  id: string,
  message: (p: Record<string, unknown>) => string,
): StructuralRule<never> => ({ id, profile: "both", message });

export const typeRule = (env: WalkEnv) =>
  generic(`${env.provider}.request.type`, (p) => `${p.path} must be ${p.expected}, but got ${p.actual}`);

export const unreadableRule = (env: WalkEnv) =>
  generic(`${env.provider}.request.unreadable`, (p) => `${p.path} could not be read`);
