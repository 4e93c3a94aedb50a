/**
 * IAM user and role ARNs, the username format of AWS IAM database users (SPEC `username` table).
 * Grammar from the AWS IAM API reference (CreateUser / CreateRole): `arn:<partition>:iam::<12-digit
 * account>:user|role<path><name>`; the path is `/` or `/…/` of characters `!`–`~`, at most 512
 * characters; the name is 1–64 of `[\w+=,.@-]`. The IAM docs also mention DEL (U+007F) in paths,
 * the service model does not: we keep to `!`–`~`, the range both accept.
 */

export type IamResource = "user" | "role";

/** Partitions that can hold an Atlas deployment's IAM principals (commercial, China, GovCloud). */
export const ARN_PARTITIONS = ["aws", "aws-cn", "aws-us-gov"] as const;

export const IAM_PATH_MAX = 512;
export const IAM_NAME_MAX = 64;

/** The same grammar as a JSON Schema `pattern` (the path's `/X/` holds 1 to 510 characters). */
export function iamArnPattern(resource: IamResource): string {
  return String.raw`^arn:(?:aws|aws-cn|aws-us-gov):iam::[0-9]{12}:${resource}/(?:[!-~]{1,510}/)?[\w+=,.@-]{1,64}$`;
}

const PREFIX = /^arn:(aws|aws-cn|aws-us-gov):iam::[0-9]{12}:(user|role)\//;

const NAME_CHARS = new Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+=,.@-");
const PATH_CHARS = /^[!-~]*$/;

/** What is wrong with an IAM ARN, or undefined when it is a valid ARN of that resource type. */
export function iamArnProblem(v: string, resource: IamResource): string | undefined {
  const head = PREFIX.exec(v);
  if (head === null) return "prefix";
  if (head[2] !== resource) return "resource";
  const pathStart = head[0].length - 1;
  const lastSlash = v.lastIndexOf("/");
  const pathLength = lastSlash + 1 - pathStart;
  if (pathLength === 2 || pathLength > IAM_PATH_MAX) return "path";
  if (!PATH_CHARS.test(v.slice(pathStart, lastSlash))) return "path";
  const name = v.slice(lastSlash + 1);
  if (name.length < 1 || name.length > IAM_NAME_MAX) return "name";
  for (const ch of name) if (!NAME_CHARS.has(ch)) return "name";
  return undefined;
}
