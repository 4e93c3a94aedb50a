/**
 * Trove's user operations (docs/vendors/rackspace.md §3): create, list, get, change passwords,
 * modify, delete, and the user's database access. Create, change, modify and delete are RPC casts:
 * checked, answered 202, applied by the write queue. Grant and revoke are RPC calls: applied before
 * the answer. With `validation: "guest"` the MySQL model runs only when a cast is applied, and a
 * value it refuses stops that work without a word (§1.1).
 */
import type { Reply } from "../http.js";
import {
  accepted,
  guestAccepts,
  type Handler,
  json,
  modelError,
  pagedReply,
  RESERVED_USERS,
  type TroveCall,
} from "./call.js";
import { badRequest, notFound } from "./faults.js";
import { type InstanceRecord, sortedUsers, type UserRecord, userKey } from "./state.js";

interface UserInput {
  readonly name: string;
  readonly password: string;
  readonly host?: string;
  readonly databases?: readonly { readonly name: string }[];
}

const view = (user: UserRecord) => ({
  name: user.name,
  host: user.host,
  databases: [...user.databases].sort().map((name) => ({ name })),
});

const reserved = (name: string) =>
  badRequest(`User name "${name}" is on the reserved list: ${[...RESERVED_USERS].sort().join(", ")}.`);

/** The user the path names, or the fault Trove gives (400 reserved, 404 missing). */
function target(call: TroveCall): UserRecord | Reply {
  const { name, host } = call.user!;
  if (RESERVED_USERS.has(name)) return reserved(name);
  return (
    call.instance!.users.get(userKey(name, host)) ?? notFound(`User ${name} cannot be found on the instance.`)
  );
}

const isUser = (value: UserRecord | Reply): value is UserRecord => "password" in value;

/** API-side checks that both Trove generations make: reserved names, duplicates, existing users. */
function checkNewUsers(instance: InstanceRecord, users: readonly UserInput[]): Reply | undefined {
  const seen = new Set<string>();
  for (const user of users) {
    const key = userKey(user.name, user.host ?? "%");
    if (RESERVED_USERS.has(user.name)) return reserved(user.name);
    if (seen.has(key)) {
      return badRequest(
        "Two or more users share the same name and host in the initial users list. Please correct the names or remove the duplicate entries.",
      );
    }
    seen.add(key);
    if (instance.users.has(key)) return badRequest(`A user with the name "${user.name}" already exists.`);
  }
  return undefined;
}

const createUsers: Handler = (call) => {
  const users = (call.body as { users: UserInput[] }).users;
  const refused =
    (call.validation === "api" ? modelError("createUsers", call.body, "User create error") : undefined) ??
    checkNewUsers(call.instance!, users);
  if (refused) return refused;
  const instance = call.instance!;
  call.writes.accept(() => {
    for (const user of users) {
      const valid =
        guestAccepts("userName", user.name) &&
        guestAccepts("password", user.password) &&
        guestAccepts("host", user.host);
      // The guest agent raises on the first user the model refuses; the ones before it exist.
      if (!valid) return;
      const host = user.host ?? "%";
      instance.users.set(userKey(user.name, host), {
        name: user.name,
        host,
        password: user.password,
        databases: new Set((user.databases ?? []).map((d) => d.name)),
      });
    }
  });
  return accepted();
};

const listUsers: Handler = (call) => {
  const visible = sortedUsers(call.instance!).filter(
    (u) => !RESERVED_USERS.has(u.name) && u.host !== "localhost",
  );
  return pagedReply(call, "users", visible, (u) => userKey(u.name, u.host), view);
};

const getUser: Handler = (call) => {
  const user = target(call);
  return isUser(user) ? json(200, { user: view(user) }) : user;
};

const changePasswords: Handler = (call) => {
  const users = (call.body as { users: UserInput[] }).users;
  if (call.validation === "api") {
    const refused = modelError("changePasswords", call.body, "User update error");
    if (refused) return refused;
  }
  const instance = call.instance!;
  for (const user of users) {
    if (RESERVED_USERS.has(user.name)) return reserved(user.name);
    const key = userKey(user.name, user.host ?? "%");
    if (!instance.users.has(key)) return notFound(`User ${key} cannot be found on the instance.`);
  }
  call.writes.accept(() => {
    for (const user of users) {
      if (!guestAccepts("password", user.password)) return;
      const record = instance.users.get(userKey(user.name, user.host ?? "%"));
      if (record) record.password = user.password;
    }
  });
  return accepted();
};

const updateUser: Handler = (call) => {
  const user = target(call);
  if (!isUser(user)) return user;
  const attributes = (call.body as { user: Partial<UserInput> }).user;
  if (call.validation === "api") {
    const refused = modelError("modifyUser", call.body, "User update error");
    if (refused) return refused;
  }
  const name = attributes.name ?? user.name;
  const host = attributes.host ?? user.host;
  if (RESERVED_USERS.has(name)) return reserved(name);
  const instance = call.instance!;
  const moved = userKey(name, host) !== userKey(user.name, user.host);
  if (moved && instance.users.has(userKey(name, host))) {
    return badRequest(`User ${name}@${host} already exists.`);
  }
  call.writes.accept(() => {
    const fields = [
      ["userName", attributes.name],
      ["host", attributes.host],
      ["password", attributes.password],
    ] as const;
    if (!fields.every(([field, value]) => guestAccepts(field, value))) return;
    const current = instance.users.get(userKey(user.name, user.host));
    if (current !== user || (moved && instance.users.has(userKey(name, host)))) return;
    instance.users.delete(userKey(user.name, user.host));
    user.name = name;
    user.host = host;
    if (attributes.password !== undefined) user.password = attributes.password;
    instance.users.set(userKey(name, host), user);
  });
  return accepted();
};

const deleteUser: Handler = (call) => {
  const user = target(call);
  if (!isUser(user)) return user;
  const instance = call.instance!;
  call.writes.accept(() => {
    if (instance.users.get(userKey(user.name, user.host)) === user)
      instance.users.delete(userKey(user.name, user.host));
  });
  return accepted();
};

const listUserAccess: Handler = (call) => {
  const user = target(call);
  return isUser(user) ? json(200, { databases: view(user).databases }) : user;
};

const grantUserAccess: Handler = (call) => {
  const user = target(call);
  if (!isUser(user)) return user;
  // A synchronous call to the guest: its refusal comes back, in either Trove generation.
  const refused = modelError("grantAccess", call.body, "An error occurred communicating with the guest");
  if (refused) return refused;
  for (const { name } of (call.body as { databases: { name: string }[] }).databases) user.databases.add(name);
  return accepted();
};

const revokeUserAccess: Handler = (call) => {
  const user = target(call);
  if (!isUser(user)) return user;
  const database = call.database!;
  if (!user.databases.has(database)) return notFound(`Database ${database} cannot be found on the instance.`);
  user.databases.delete(database);
  return accepted();
};

export const userHandlers: Readonly<Record<string, Handler>> = {
  createUsers,
  listUsers,
  getUser,
  changePasswords,
  updateUser,
  deleteUser,
  listUserAccess,
  grantUserAccess,
  revokeUserAccess,
};
