/** `dbusers users list` and `dbusers users get`. */
import { type ConnectionOptions, connect } from "../connect.js";
import { json, userDetails, userTable } from "../format.js";
import type { CliIo } from "../io.js";
import { type KeyFlags, keyFrom } from "../key-flags.js";

interface ReadFlags extends ConnectionOptions {
  readonly json?: boolean;
}

export async function listUsers(io: CliIo, target: string, flags: ReadFlags): Promise<number> {
  const { target: t } = await connect(io, target, flags);
  const users = await t.listUsers();
  io.writeOut(flags.json ? json(users) : userTable(users));
  return 0;
}

export async function getUser(
  io: CliIo,
  target: string,
  name: string,
  flags: ReadFlags & KeyFlags,
): Promise<number> {
  const { target: t } = await connect(io, target, flags);
  const user = await t.getUser(keyFrom(name, flags));
  io.writeOut(flags.json ? json(user) : userDetails(user));
  return 0;
}
