/**
 * Whether the login a target gives in the file is one the vendor knows, before anything is read or
 * sent: Atlas takes an API key pair or a service account (docs/vendors/atlas.md §6); Rackspace takes
 * Rackspace Identity (user with an API key or password), Keystone v3 (`authUrl` with a user and
 * password or an application credential) or a clouds.yaml entry (docs/vendors/rackspace.md §4).
 * A target that gives no login uses the vendor's usual environment and is not checked here.
 */
import type { VendorName } from "../model.js";

export interface LoginIssue {
  /** The key the problem is about, or `undefined` for the target as a whole. */
  readonly key?: string;
  readonly message: string;
}

const KEYSTONE_ONLY = [
  "projectName",
  "projectId",
  "userDomainName",
  "projectDomainName",
  "applicationCredentialId",
  "applicationCredentialSecret",
] as const;

/** Half of a pair given without the other. */
function pairs(given: ReadonlySet<string>, list: readonly (readonly [string, string])[]): LoginIssue[] {
  const issues: LoginIssue[] = [];
  for (const [a, b] of list) {
    if (given.has(a) && !given.has(b)) issues.push({ key: a, message: `${a} needs ${b} too` });
    if (given.has(b) && !given.has(a)) issues.push({ key: b, message: `${b} needs ${a} too` });
  }
  return issues;
}

function atlas(given: ReadonlySet<string>): LoginIssue[] {
  const apiKey = given.has("publicKey") || given.has("privateKey");
  const account = given.has("clientId") || given.has("clientSecret");
  if (apiKey && account) {
    return [
      {
        key: given.has("clientId") ? "clientId" : "clientSecret",
        message:
          "give an API key (publicKey, privateKey) or a service account (clientId, clientSecret), not both",
      },
    ];
  }
  return pairs(given, [
    ["publicKey", "privateKey"],
    ["clientId", "clientSecret"],
  ]);
}

function rackspace(given: ReadonlySet<string>): LoginIssue[] {
  const files = ["cloudsFile", "secureFile"];
  const others = [...given].filter((k) => k !== "cloud" && !files.includes(k));
  if (given.has("cloud")) {
    return others.map((key) => ({
      key,
      message: `${key} is not used with cloud: the clouds.yaml entry holds the whole login`,
    }));
  }
  const file = files.find((k) => given.has(k));
  if (file !== undefined) return [{ key: file, message: `${file} needs cloud (the entry to use)` }];
  if (given.has("authUrl")) {
    const issues: LoginIssue[] = [];
    if (given.has("apiKey")) {
      issues.push({
        key: "apiKey",
        message:
          "an API key is Rackspace Identity's; Keystone (authUrl) takes a password or an application credential",
      });
    }
    const password = given.has("username") || given.has("password");
    const credential = given.has("applicationCredentialId") || given.has("applicationCredentialSecret");
    if (password && credential) {
      issues.push({
        key: "applicationCredentialId",
        message: "give a username and password or an application credential, not both",
      });
    } else if (!password && !credential) {
      issues.push({
        message: "Keystone (authUrl) needs username and password, or an application credential",
      });
    }
    return [
      ...issues,
      ...pairs(given, [
        ["username", "password"],
        ["applicationCredentialId", "applicationCredentialSecret"],
      ]),
    ];
  }
  if (given.size === 0) return [];
  const issues: LoginIssue[] = KEYSTONE_ONLY.filter((k) => given.has(k)).map((key) => ({
    key,
    message: `${key} is a Keystone setting: it needs authUrl`,
  }));
  if (!given.has("username"))
    issues.push({ message: "Rackspace Identity needs username (with apiKey or password)" });
  if (given.has("apiKey") && given.has("password")) {
    issues.push({ key: "password", message: "give apiKey or password, not both" });
  } else if (!given.has("apiKey") && !given.has("password")) {
    issues.push({ key: "username", message: "username needs apiKey (or password) too" });
  }
  return issues;
}

/** Every problem with the login keys `given` for a target of `vendor`. */
export function checkLogin(vendor: VendorName, given: ReadonlySet<string>): LoginIssue[] {
  if (vendor === "atlas") return atlas(given);
  if (vendor === "rackspace") return rackspace(given);
  return [];
}
