/** The public method signatures, checked by the type checker (vitest typecheck), never run. */
import { describe, expectTypeOf, test } from "vitest";
import {
  type AddUserRequest,
  createDigitalOceanClient,
  type DatabaseUser,
  type DigitalOceanApiError,
  type DigitalOceanClient,
  type MySqlSettings,
  type ResetUserAuthRequest,
  type UpdateUserRequest,
  type UserSettings,
} from "../src/index.js";

type Options = {
  signal?: AbortSignal;
  engine?: "pg" | "mysql" | "redis" | "valkey" | "mongodb" | "kafka" | "opensearch";
};

describe("DigitalOceanClient", () => {
  test("createDigitalOceanClient takes options (the token may come from the environment) and returns the client", () => {
    expectTypeOf<NonNullable<Parameters<typeof createDigitalOceanClient>[0]>>().toHaveProperty("token");
    expectTypeOf(createDigitalOceanClient).returns.toEqualTypeOf<DigitalOceanClient>();
  });

  test("listUsers(clusterId) => Promise<DatabaseUser[]>", () => {
    expectTypeOf<DigitalOceanClient["listUsers"]>().toEqualTypeOf<
      (clusterId: string, options?: { readonly signal?: AbortSignal }) => Promise<DatabaseUser[]>
    >();
  });

  test("getUser(clusterId, name) => Promise<DatabaseUser>", () => {
    expectTypeOf<DigitalOceanClient["getUser"]>().toEqualTypeOf<
      (clusterId: string, name: string, options?: { readonly signal?: AbortSignal }) => Promise<DatabaseUser>
    >();
  });

  test("addUser(clusterId, body, { engine? }?) => Promise<DatabaseUser>", () => {
    expectTypeOf<DigitalOceanClient["addUser"]>().parameters.toEqualTypeOf<
      [clusterId: string, body: AddUserRequest, options?: Readonly<Options>]
    >();
    expectTypeOf<DigitalOceanClient["addUser"]>().returns.toEqualTypeOf<Promise<DatabaseUser>>();
  });

  test("updateUser(clusterId, name, { settings }) => Promise<DatabaseUser>", () => {
    expectTypeOf<DigitalOceanClient["updateUser"]>().parameters.toEqualTypeOf<
      [clusterId: string, name: string, body: UpdateUserRequest, options?: Readonly<Options>]
    >();
    expectTypeOf<UpdateUserRequest>().toEqualTypeOf<{ settings: UserSettings }>();
    expectTypeOf<DigitalOceanClient["updateUser"]>().returns.toEqualTypeOf<Promise<DatabaseUser>>();
  });

  test("deleteUser(clusterId, name) => Promise<void>", () => {
    expectTypeOf<DigitalOceanClient["deleteUser"]>().toEqualTypeOf<
      (clusterId: string, name: string, options?: { readonly signal?: AbortSignal }) => Promise<void>
    >();
  });

  test("resetUserAuth(clusterId, name, body?) => Promise<DatabaseUser>", () => {
    expectTypeOf<DigitalOceanClient["resetUserAuth"]>().parameters.toEqualTypeOf<
      [clusterId: string, name: string, body?: ResetUserAuthRequest, options?: Readonly<Options>]
    >();
    expectTypeOf<ResetUserAuthRequest>().toEqualTypeOf<{ mysql_settings?: MySqlSettings }>();
    expectTypeOf<DigitalOceanClient["resetUserAuth"]>().returns.toEqualTypeOf<Promise<DatabaseUser>>();
  });
});

describe("friendly types", () => {
  test("AddUserRequest needs a name and leaves out the server-set fields", () => {
    expectTypeOf<AddUserRequest>().toHaveProperty("name").toEqualTypeOf<string>();
    expectTypeOf<{ name: "app-01" }>().toExtend<AddUserRequest>();
    expectTypeOf<AddUserRequest>().not.toHaveProperty("password");
    expectTypeOf<AddUserRequest>().not.toHaveProperty("role");
  });

  test("DatabaseUser carries the secrets as optional read-only strings", () => {
    expectTypeOf<DatabaseUser["password"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<DatabaseUser["access_key"]>().toEqualTypeOf<string | undefined>();
  });

  test("DigitalOceanApiError exposes DigitalOcean's id and request id", () => {
    expectTypeOf<DigitalOceanApiError["id"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<DigitalOceanApiError["requestId"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<DigitalOceanApiError["status"]>().toEqualTypeOf<number>();
    expectTypeOf<DigitalOceanApiError["retryable"]>().toEqualTypeOf<boolean>();
  });
});
