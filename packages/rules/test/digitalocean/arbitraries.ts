/** Named fast-check arbitraries for the DigitalOcean provider, built once. */

import {
  ENGINES,
  type Engine,
  KAFKA_ACL_PERMISSIONS,
  MONGO_USER_ROLES,
  MYSQL_AUTH_PLUGINS,
  OPENSEARCH_ACL_PERMISSIONS,
  USER_MANAGEMENT_ENGINES,
  type UserManagementEngine,
} from "../../src/providers/digitalocean/index.js";
import { fc } from "../support/fc.js";

const utf8 = (s: string) => new TextEncoder().encode(s).length;

export const engine = fc.constantFrom<Engine>(...ENGINES);
export const userEngine = fc.constantFrom<UserManagementEngine>(...USER_MANAGEMENT_ENGINES);
export const profile = fc.constantFrom("strict" as const, "server" as const);
export const context = fc.record(
  { profile, engine: fc.option(engine, { nil: undefined }) },
  { requiredKeys: [] },
);

/** The longest name every rule of an engine allows in strict (ASCII, so chars = bytes). */
export const strictMax = (e: Engine | undefined) => (e === "pg" ? 63 : e === "mysql" ? 32 : 64);

const FIRST = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_?"];
const REST = [...FIRST, "*", ".", "-"];

/** Not reserved on any engine, in any case. */
export const isReservedAnywhere = (s: string) =>
  ["doadmin", "do-readonly", "public", "none"].includes(s.toLowerCase()) || s.toLowerCase().startsWith("pg_");

/** Accepted by strict (hence by server) on the given engine (or on every engine when undefined). */
export const validUserName = (e?: Engine) =>
  fc
    .tuple(fc.constantFrom(...FIRST), fc.array(fc.constantFrom(...REST), { maxLength: strictMax(e) - 1 }))
    .map(([first, rest]) => first + rest.join(""))
    .filter((s) => !isReservedAnywhere(s));

/** Accepted by the server profile on the engine: any Unicode within the engine's own limits. */
export const serverValidUserName = (e: UserManagementEngine) =>
  fc
    .string({ unit: "grapheme", minLength: 1, maxLength: 40 })
    .filter(
      (s) =>
        s !== "doadmin" &&
        !(
          e === "pg" &&
          (["public", "none"].includes(s) || s.startsWith("pg_") || s.includes("\u0000") || utf8(s) > 63)
        ) &&
        !(e === "mysql" && [...s].length > 32) &&
        !(e === "mongodb" && (s === "do-readonly" || s.includes("\u0000"))) &&
        !(e === "opensearch" && s.includes(":")),
    );

/** Characters only the strict pattern refuses (no engine refuses them). */
export const strictForbiddenChar = fc.constantFrom(
  " ",
  "@",
  "/",
  "é",
  "日",
  "!",
  "#",
  "+",
  "=",
  ",",
  "'",
  "😀",
  "\t",
);
export const strictForbiddenFirst = fc.constantFrom("-", ".", "*");
export const reservedName = (e: UserManagementEngine) =>
  fc.constantFrom(
    "doadmin",
    ...(e === "pg" ? ["public", "none"] : []),
    ...(e === "mongodb" ? ["do-readonly"] : []),
  );

/** A name MongoDB accepts as a database on Linux and Windows. */
export const validMongoDatabase = fc
  .string({ unit: "grapheme", minLength: 1, maxLength: 30 })
  .filter((s) => !/[/\\. "$*<>:|?\u0000]/u.test(s) && utf8(s) <= 63);
export const mongoForbiddenChar = fc.constantFrom(...'/\\. "$');
export const mongoWindowsChar = fc.constantFrom(..."*<>:|?");

export const kafkaPermission = fc.constantFrom(...KAFKA_ACL_PERMISSIONS);
export const opensearchPermission = fc.constantFrom(...OPENSEARCH_ACL_PERMISSIONS);
export const mongoRole = fc.constantFrom(...MONGO_USER_ROLES);
export const authPlugin = fc.constantFrom(...MYSQL_AUTH_PLUGINS);
/** A string none of the enums contains. */
export const wrongEnum = fc
  .string({ maxLength: 12 })
  .filter(
    (s) =>
      ![
        ...KAFKA_ACL_PERMISSIONS,
        ...OPENSEARCH_ACL_PERMISSIONS,
        ...MONGO_USER_ROLES,
        ...MYSQL_AUTH_PLUGINS,
      ].includes(s as never),
  );

/** A settings object valid for the engine (strict): only that engine's keys. */
export const validSettings = (e: UserManagementEngine) => {
  const topic = fc.string({ minLength: 1, maxLength: 20 });
  switch (e) {
    case "pg":
      return fc.record({ pg_allow_replication: fc.boolean() }, { requiredKeys: [] });
    case "kafka":
      return fc.record(
        {
          acl: fc.array(
            fc.record(
              { id: topic, topic, permission: kafkaPermission },
              { requiredKeys: ["topic", "permission"] },
            ),
            { maxLength: 3 },
          ),
        },
        { requiredKeys: [] },
      );
    case "opensearch":
      return fc.record(
        {
          opensearch_acl: fc.array(
            fc.record({ index: topic, permission: opensearchPermission }, { requiredKeys: [] }),
            { maxLength: 3 },
          ),
        },
        { requiredKeys: [] },
      );
    case "mongodb":
      return fc.record(
        {
          mongo_user_settings: fc.record(
            { databases: fc.array(validMongoDatabase, { maxLength: 3 }), role: mongoRole },
            { requiredKeys: [] },
          ),
        },
        { requiredKeys: [] },
      );
    case "mysql":
      return fc.constant({});
  }
};

/** An add-user body valid in strict for the engine. */
export const validAddUser = (e: UserManagementEngine) =>
  fc
    .tuple(
      validUserName(e),
      validSettings(e),
      e === "mysql" ? fc.option(authPlugin, { nil: undefined }) : fc.constant(undefined),
      e === "mongodb" ? fc.option(fc.boolean(), { nil: undefined }) : fc.constant(undefined),
    )
    .map(([name, settings, plugin, readonly]) => ({
      name,
      settings,
      ...(plugin ? { mysql_settings: { auth_plugin: plugin } } : {}),
      ...(readonly === undefined ? {} : { readonly }),
    }));

const throwingGetter = () =>
  Object.defineProperty({}, "name", {
    enumerable: true,
    get() {
      throw new Error("boom");
    },
  });

const throwingProxy = () =>
  new Proxy(
    {},
    {
      ownKeys() {
        throw new Error("boom");
      },
      get() {
        throw new Error("boom");
      },
    },
  );

/** Values built to break validators: odd types, huge and broken strings, hostile objects. */
export const hostile = fc.oneof(
  fc.anything({
    withBigInt: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
  }),
  fc.constantFrom(
    "\uD800",
    "a\uDC00b",
    "\u0000",
    "\u0001\u001f\u007f",
    "x".repeat(1_000_000),
    "é".repeat(300_000),
    "\uD83D".repeat(1000),
  ),
  fc.string({ unit: "binary" }),
  fc.constant(null).map(() => throwingGetter()),
  fc.constant(null).map(() => throwingProxy()),
  fc.constant(null).map(() => ({ settings: throwingProxy(), name: "ok" })),
  fc
    .constant(null)
    .map(() => ({ settings: { acl: [throwingGetter()], mongo_user_settings: throwingProxy() } })),
);
