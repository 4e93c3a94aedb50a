/**
 * Atlas database users as the emulator keeps them, and the shape Atlas answers with
 * (docs/vendors/atlas.md §3): all four type fields always present, `labels` and `scopes` always
 * arrays, `description` and `deleteAfterDate` only when set, `groupId` and a `self` link present
 * (§8.4), the password never returned.
 */

export interface AtlasRole {
  readonly roleName: string;
  readonly databaseName: string;
  readonly collectionName?: string;
}

export interface AtlasScope {
  readonly name: string;
  readonly type: "CLUSTER" | "DATA_LAKE" | "STREAM";
}

export interface AtlasLabel {
  readonly key?: string;
  readonly value?: string;
}

/** A database user as Atlas returns it. */
export interface AtlasUser {
  readonly username: string;
  readonly databaseName: "admin" | "$external";
  readonly groupId: string;
  readonly roles: readonly AtlasRole[];
  readonly scopes: readonly AtlasScope[];
  readonly labels: readonly AtlasLabel[];
  readonly awsIAMType: "NONE" | "USER" | "ROLE";
  readonly ldapAuthType: "NONE" | "GROUP" | "USER";
  readonly oidcAuthType: "NONE" | "IDP_GROUP" | "USER";
  readonly x509Type: "NONE" | "CUSTOMER" | "MANAGED";
  readonly description?: string;
  readonly deleteAfterDate?: string;
  readonly links: readonly { readonly href: string; readonly rel: string }[];
}

/** What a test may seed; everything but `username` has Atlas's defaults. */
export interface AtlasUserSeed {
  readonly username: string;
  readonly databaseName?: "admin" | "$external";
  readonly password?: string;
  readonly roles?: readonly AtlasRole[];
  readonly scopes?: readonly AtlasScope[];
  readonly labels?: readonly AtlasLabel[];
  readonly awsIAMType?: AtlasUser["awsIAMType"];
  readonly ldapAuthType?: AtlasUser["ldapAuthType"];
  readonly oidcAuthType?: AtlasUser["oidcAuthType"];
  readonly x509Type?: AtlasUser["x509Type"];
  readonly description?: string;
  readonly deleteAfterDate?: string;
}

/** @internal The stored record: the answer's fields (without links) plus the password. */
export type UserRecord = {
  -readonly [K in keyof Omit<AtlasUser, "links">]: Omit<AtlasUser, "links">[K];
} & { password?: string };

const FIELDS = [
  "username",
  "databaseName",
  "password",
  "roles",
  "scopes",
  "labels",
  "awsIAMType",
  "ldapAuthType",
  "oidcAuthType",
  "x509Type",
  "description",
  "deleteAfterDate",
] as const;

/** `2020-07-28` → `2020-07-28T00:00:00Z`: Atlas answers every date as UTC seconds (atlas.md §7). */
export function normalizeDate(value: string): string {
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(time) ? value : new Date(time).toISOString().replace(/\.\d{3}Z$/, "Z");
}

const copyItems = <T extends object>(items: readonly T[] | undefined): T[] =>
  (items ?? []).map((item) => ({ ...item }));

/** A new record from a create body (or a seed), with Atlas's defaults. */
export function newRecord(groupId: string, input: AtlasUserSeed): UserRecord {
  const record: UserRecord = {
    username: input.username,
    databaseName: input.databaseName ?? "admin",
    groupId,
    roles: copyItems(input.roles),
    scopes: copyItems(input.scopes),
    labels: copyItems(input.labels),
    awsIAMType: input.awsIAMType ?? "NONE",
    ldapAuthType: input.ldapAuthType ?? "NONE",
    oidcAuthType: input.oidcAuthType ?? "NONE",
    x509Type: input.x509Type ?? "NONE",
  };
  if (input.password !== undefined) record.password = input.password;
  if (input.description !== undefined && input.description !== "") record.description = input.description;
  if (input.deleteAfterDate !== undefined) record.deleteAfterDate = normalizeDate(input.deleteAfterDate);
  return record;
}

/** PATCH: the fields the body carries replace the stored ones; `description: ""` clears it (TF). */
export function patchRecord(record: UserRecord, patch: Readonly<Record<string, unknown>>): UserRecord {
  const next: UserRecord = { ...record };
  const target = next as Record<string, unknown>;
  for (const key of FIELDS) {
    if (!(key in patch) || patch[key] === undefined) continue;
    const value = patch[key];
    target[key] = Array.isArray(value) ? copyItems(value as object[]) : value;
  }
  if (next.description === "") delete next.description;
  if (typeof patch.deleteAfterDate === "string") next.deleteAfterDate = normalizeDate(patch.deleteAfterDate);
  return next;
}

/** Go's url.PathEscape, as Atlas spells its own self links (atlas.md §5). */
export function pathEscape(value: string): string {
  return encodeURIComponent(value)
    .replace(/%(24|26|2B|3A|3D|40)/g, (escaped) => decodeURIComponent(escaped))
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The answer for a record: a copy, without the password, with a `self` link under `origin`. */
export function toAtlasUser(record: UserRecord, origin: string): AtlasUser {
  const { password: _password, ...rest } = structuredClone(record);
  const href = `${origin}/api/atlas/v2/groups/${record.groupId}/databaseUsers/${pathEscape(record.databaseName)}/${pathEscape(record.username)}`;
  return { ...rest, links: [{ href, rel: "self" }] };
}

/** The (databaseName, username) pair users are unique on (atlas.md §7). */
export const userKey = (databaseName: string, username: string) => `${databaseName}\u0000${username}`;
