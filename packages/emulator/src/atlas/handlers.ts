/**
 * The five database-user operations on a project that exists, once auth, the version and the body
 * have passed (docs/vendors/atlas.md §2). What is still refused here depends on state: a taken
 * (databaseName, username) pair (409), the user limit (409), a user that does not exist (404).
 */
import type { Reply } from "../http.js";
import { atlasError, userNotFound } from "./errors.js";
import type { GroupRecord } from "./state.js";
import {
  type AtlasUserSeed,
  newRecord,
  patchRecord,
  toAtlasUser,
  type UserRecord,
  userKey,
} from "./users.js";
import { VERSIONED_JSON } from "./validate.js";

export interface OperationCall {
  readonly method: string;
  readonly group: GroupRecord;
  /** Path parameters, decoded once. */
  readonly databaseName?: string;
  readonly username?: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  /** `http://127.0.0.1:<port>`: self links point back at the emulator. */
  readonly origin: string;
}

type Handler = (call: OperationCall) => Reply;

/** Successes carry the versioned media type, as Atlas's do (atlas.md §1). */
const ok = (status: number, body?: unknown): Reply => ({
  status,
  headers: { "content-type": `${VERSIONED_JSON};charset=utf-8` },
  ...(body === undefined ? {} : { body }),
});

const duplicate = (record: UserRecord): Reply =>
  atlasError(409, "USER_ALREADY_EXISTS", `A user with username ${record.username} already exists.`, {
    parameters: [record.username],
  });

function found(call: OperationCall): UserRecord | Reply {
  const record = call.group.users.get(userKey(call.databaseName!, call.username!));
  return record ?? userNotFound(call.method, call.username!, call.group.id);
}

/** `itemsPerPage` 1..500 (default 100), `pageNum` from 1, `includeCount` default true (atlas.md §2.1). */
function pageParams(query: URLSearchParams): { size: number; page: number; count: boolean } | Reply {
  const integer = (name: string, fallback: number, max: number) => {
    const raw = query.get(name);
    if (raw === null) return fallback;
    const value = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
    return value >= 1 && value <= max ? value : undefined;
  };
  const size = integer("itemsPerPage", 100, 500);
  const page = integer("pageNum", 1, Number.MAX_SAFE_INTEGER);
  const include = query.get("includeCount");
  if (size === undefined || page === undefined || (include !== null && !/^(true|false)$/.test(include))) {
    const name = size === undefined ? "itemsPerPage" : page === undefined ? "pageNum" : "includeCount";
    return atlasError(400, "INVALID_QUERY_PARAMETER", `Invalid query parameter ${name} specified.`, {
      parameters: [name],
    });
  }
  return { size, page, count: include !== "false" };
}

const listUsers: Handler = (call) => {
  const params = pageParams(call.query);
  if ("status" in params) return params;
  const all = [...call.group.users.values()];
  const start = (params.page - 1) * params.size;
  const results = all.slice(start, start + params.size).map((r) => toAtlasUser(r, call.origin));
  const base = `${call.origin}/api/atlas/v2/groups/${call.group.id}/databaseUsers`;
  const link = (page: number, rel: string) => ({
    href: `${base}?includeCount=${params.count}&pageNum=${page}&itemsPerPage=${params.size}`,
    rel,
  });
  const links = [link(params.page, "self")];
  if (start + params.size < all.length) links.push(link(params.page + 1, "next"));
  if (params.page > 1) links.push(link(params.page - 1, "previous"));
  return ok(200, params.count ? { links, results, totalCount: all.length } : { links, results });
};

const getUser: Handler = (call) => {
  const record = found(call);
  return "status" in record ? record : ok(200, toAtlasUser(record, call.origin));
};

const createUser: Handler = (call) => {
  const record = newRecord(call.group.id, call.body as AtlasUserSeed);
  const key = userKey(record.databaseName, record.username);
  if (call.group.users.has(key)) return duplicate(record);
  if (call.group.users.size >= call.group.maxUsers) {
    return atlasError(
      409,
      "DATABASE_USER_LIMIT_EXCEEDED",
      `The project already has ${call.group.maxUsers} database users, the most it may have.`,
      { parameters: [call.group.maxUsers] },
    );
  }
  call.group.users.set(key, record);
  return ok(201, toAtlasUser(record, call.origin));
};

/** Keeps what the body does not carry; a new `username` or `databaseName` in the body renames (§2). */
const updateUser: Handler = (call) => {
  const record = found(call);
  if ("status" in record) return record;
  const next = patchRecord(record, call.body as Record<string, unknown>);
  const oldKey = userKey(record.databaseName, record.username);
  const newKey = userKey(next.databaseName, next.username);
  if (newKey !== oldKey && call.group.users.has(newKey)) return duplicate(next);
  if (newKey === oldKey) {
    call.group.users.set(oldKey, next);
  } else {
    call.group.users.delete(oldKey);
    call.group.users.set(newKey, next);
  }
  return ok(200, toAtlasUser(next, call.origin));
};

const deleteUser: Handler = (call) => {
  const record = found(call);
  if ("status" in record) return record;
  call.group.users.delete(userKey(record.databaseName, record.username));
  // No body, but the versioned Content-Type all the same (atlas.md §2).
  return { status: 204, headers: { "content-type": `${VERSIONED_JSON};charset=utf-8` } };
};

export const handlers: Readonly<Record<string, Handler>> = {
  listGroupDatabaseUsers: listUsers,
  getGroupDatabaseUser: getUser,
  createGroupDatabaseUser: createUser,
  updateGroupDatabaseUser: updateUser,
  deleteGroupDatabaseUser: deleteUser,
};
