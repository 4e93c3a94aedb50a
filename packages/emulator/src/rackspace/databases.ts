/**
 * Trove's database, root and instance operations (docs/vendors/rackspace.md §3). Creating and
 * deleting databases are casts (202, applied by the write queue); root and instance reads answer at once.
 */
import { randomBytes } from "node:crypto";
import {
  accepted,
  guestAccepts,
  type Handler,
  json,
  modelError,
  pagedReply,
  RESERVED_DATABASES,
  type TroveCall,
} from "./call.js";
import { badRequest, notFound } from "./faults.js";
import type { InstanceRecord } from "./state.js";

interface DatabaseInput {
  readonly name: string;
  readonly character_set?: string;
  readonly collate?: string;
}

const reserved = (name: string) =>
  badRequest(
    `Database name "${name}" is on the reserved list: ${[...RESERVED_DATABASES].sort().join(", ")}.`,
  );

const createDatabases: Handler = (call) => {
  const databases = (call.body as { databases: DatabaseInput[] }).databases;
  if (call.validation === "api") {
    const refused = modelError("createDatabases", call.body, "Database create error");
    if (refused) return refused;
  }
  const instance = call.instance!;
  const seen = new Set<string>();
  for (const { name } of databases) {
    if (RESERVED_DATABASES.has(name)) return reserved(name);
    if (seen.has(name)) {
      return badRequest(
        "Two or more databases share the same name in the initial databases list. Please correct the names or remove the duplicate entries.",
      );
    }
    seen.add(name);
    if (instance.databases.has(name)) return badRequest(`A database with the name "${name}" already exists.`);
  }
  call.writes.accept(() => {
    for (const database of databases) {
      if (!guestAccepts("databaseName", database.name)) return;
      instance.databases.set(database.name, {
        name: database.name,
        ...(database.character_set ? { characterSet: database.character_set } : {}),
        ...(database.collate ? { collate: database.collate } : {}),
      });
    }
  });
  return accepted();
};

const listDatabases: Handler = (call) => {
  const names = [...call.instance!.databases.keys()].filter((name) => !RESERVED_DATABASES.has(name)).sort();
  return pagedReply(
    call,
    "databases",
    names,
    (name) => name,
    (name) => ({ name }),
  );
};

const deleteDatabase: Handler = (call) => {
  const name = call.database!;
  if (RESERVED_DATABASES.has(name)) return reserved(name);
  const instance = call.instance!;
  if (!instance.databases.has(name)) return notFound(`Database ${name} cannot be found on the instance.`);
  call.writes.accept(() => {
    instance.databases.delete(name);
    for (const user of instance.users.values()) user.databases.delete(name);
  });
  return accepted();
};

/** Trove's `default_password_length`. */
const ROOT_PASSWORD_LENGTH = 36;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function generatedPassword(): string {
  const bytes = randomBytes(ROOT_PASSWORD_LENGTH);
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("");
}

const enableRoot: Handler = (call) => {
  const instance = call.instance!;
  const sent = (call.body as { password?: string } | undefined)?.password;
  instance.rootEnabled = true;
  instance.rootPassword = sent ?? generatedPassword();
  return json(200, { user: { name: "root", password: instance.rootPassword } });
};

const getRootStatus: Handler = (call) => json(200, { rootEnabled: call.instance!.rootEnabled });

const disableRoot: Handler = (call) => {
  const instance = call.instance!;
  if (!instance.rootEnabled) return notFound("Root user has never been enabled on the instance.");
  instance.rootEnabled = false;
  instance.rootPassword = undefined;
  return { status: 204, headers: {} };
};

function instanceView(call: TroveCall, instance: InstanceRecord) {
  const href = `${call.pageUrl.replace(/\/instances.*$/, "")}/instances/${instance.id}`;
  return {
    id: instance.id,
    name: instance.name,
    status: instance.status,
    region: instance.region,
    links: [
      { rel: "self", href },
      { rel: "bookmark", href: href.replace(/\/v1\.0\//, "/") },
    ],
    datastore: { type: "mysql", version: "5.7" },
    flavor: { id: "1", links: [] },
    volume: { size: 2 },
  };
}

const listInstances: Handler = (call) => {
  const instances = [...call.account.instances.values()].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  return pagedReply(
    call,
    "instances",
    instances,
    (instance) => instance.id,
    (instance) => instanceView(call, instance),
  );
};

const getInstance: Handler = (call) => json(200, { instance: instanceView(call, call.instance!) });

export const otherHandlers: Readonly<Record<string, Handler>> = {
  createDatabases,
  listDatabases,
  deleteDatabase,
  enableRoot,
  getRootStatus,
  disableRoot,
  listInstances,
  getInstance,
};
