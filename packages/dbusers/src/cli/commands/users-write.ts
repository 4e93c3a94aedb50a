/** `dbusers users create|update|delete|rotate-password`. */
import type { Credentials } from "../../model.js";
import { type ConnectionOptions, connect } from "../connect.js";
import { UsageError } from "../errors.js";
import { json, userDetails } from "../format.js";
import type { CliIo } from "../io.js";
import { type KeyFlags, keyFrom } from "../key-flags.js";
import { openSecretsFile, type SecretsFile, type SecretsFormat } from "../secrets-out.js";
import { type AccessFlags, fieldsFrom } from "../user-flags.js";

interface SecretFlags {
  readonly passwordStdin?: boolean;
  readonly secretsOut?: string;
  readonly secretsFormat?: SecretsFormat;
}

type WriteFlags = ConnectionOptions & KeyFlags & { readonly json?: boolean };

/** The password piped in: all of stdin less one trailing newline, as `docker login --password-stdin` reads it. */
async function passwordFromStdin(io: CliIo): Promise<string> {
  const text = (await io.readStdin()).replace(/\r?\n$/, "");
  if (text === "") throw new UsageError("--password-stdin: standard input was empty");
  return text;
}

/**
 * Opens `--secrets-out` when given. Without it a command that would make a secret nobody has seen
 * (a server-chosen or generated password) is refused before sending: it would be lost.
 */
async function secretsTarget(
  io: CliIo,
  flags: SecretFlags,
  makesSecret: boolean,
): Promise<SecretsFile | undefined> {
  if (flags.secretsOut !== undefined)
    return openSecretsFile(io, flags.secretsOut, flags.secretsFormat ?? "json");
  if (makesSecret) {
    throw new UsageError(
      "--secrets-out FILE is required: the new credentials are written there and shown nowhere else",
    );
  }
  return undefined;
}

async function deliver(io: CliIo, file: SecretsFile | undefined, credentials: Credentials): Promise<void> {
  const holdsSecret = credentials.password ?? credentials.accessKey ?? credentials.accessCert;
  if (file === undefined) return;
  await file.write(credentials);
  io.writeErr(
    holdsSecret === undefined
      ? `dbusers: no new secret for ${credentials.name}; ${file.path} holds its identity only (mode 0600)\n`
      : `dbusers: credentials for ${credentials.name} written to ${file.path} (mode 0600)\n`,
  );
}

export async function createUser(
  io: CliIo,
  target: string,
  name: string,
  flags: WriteFlags & AccessFlags & SecretFlags,
): Promise<number> {
  const { target: t } = await connect(io, target, flags);
  const spec = { ...keyFrom(name, flags), ...(await fieldsFrom(io, flags)) };
  const password = flags.passwordStdin ? await passwordFromStdin(io) : undefined;
  // Atlas users that authenticate elsewhere (AWS IAM, X.509, LDAP, OIDC) get no password.
  const passwordless = spec.authType !== undefined && spec.authType !== "SCRAM";
  const file = await secretsTarget(io, flags, password === undefined && !passwordless);
  try {
    const created = await t.createUser(spec, password === undefined ? {} : { password });
    await deliver(io, file, created.credentials);
    io.writeOut(flags.json ? json(created.user) : `created ${created.user.name} on ${t.name}\n`);
    return 0;
  } finally {
    await file?.discard();
  }
}

export async function updateUser(
  io: CliIo,
  target: string,
  name: string,
  flags: WriteFlags & AccessFlags & { readonly newName?: string; readonly newHost?: string },
): Promise<number> {
  const { target: t } = await connect(io, target, flags);
  const changes = {
    ...(await fieldsFrom(io, flags)),
    ...(flags.newName === undefined ? {} : { name: flags.newName }),
    ...(flags.newHost === undefined ? {} : { host: flags.newHost }),
  };
  if (Object.keys(changes).length === 0) throw new UsageError("nothing to change: give at least one flag");
  const user = await t.updateUser(keyFrom(name, flags), changes);
  io.writeOut(flags.json ? json(user) : `updated ${user.name} on ${t.name}\n${userDetails(user)}`);
  return 0;
}

export async function deleteUser(
  io: CliIo,
  target: string,
  name: string,
  flags: ConnectionOptions & KeyFlags & { readonly yes?: boolean },
): Promise<number> {
  const { target: t } = await connect(io, target, flags);
  if (!flags.yes) {
    if (io.confirm === undefined) {
      throw new UsageError("refusing to delete without --yes: there is no terminal to confirm on");
    }
    if (!(await io.confirm(`Delete ${name} from ${t.name}?`))) {
      io.writeErr("dbusers: not deleted\n");
      return 1;
    }
  }
  await t.deleteUser(keyFrom(name, flags));
  io.writeOut(`deleted ${name} from ${t.name}\n`);
  return 0;
}

export async function rotatePassword(
  io: CliIo,
  target: string,
  name: string,
  flags: ConnectionOptions & KeyFlags & SecretFlags & { readonly mysqlAuthPlugin?: string },
): Promise<number> {
  const { target: t } = await connect(io, target, flags);
  const key = keyFrom(name, flags);
  const plugin = (await fieldsFrom(io, { mysqlAuthPlugin: flags.mysqlAuthPlugin })).mysqlAuthPlugin;
  const password = flags.passwordStdin ? await passwordFromStdin(io) : undefined;
  const file = await secretsTarget(io, flags, password === undefined);
  try {
    const rotated = await t.rotatePassword(key, {
      ...(password === undefined ? {} : { password }),
      ...(plugin === undefined ? {} : { mysqlAuthPlugin: plugin }),
    });
    await deliver(io, file, rotated.credentials);
    io.writeOut(`rotated the password of ${name} on ${t.name}\n`);
    return 0;
  } finally {
    await file?.discard();
  }
}
