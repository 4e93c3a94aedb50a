/** Users as text for people: a table for lists, `field: value` lines for one user. No secret is ever shown. */
import type { AtlasRole, DbUser } from "../model.js";

const role = (r: AtlasRole) =>
  `${r.role}@${r.database}${r.collection === undefined ? "" : `.${r.collection}`}`;

/** What the user may reach, in the vendor's terms. */
export function accessSummary(user: DbUser): string {
  const parts: string[] = [];
  if (user.roles?.length) parts.push(user.roles.map(role).join(", "));
  if (user.scopes?.length) parts.push(`scopes ${user.scopes.map((s) => `${s.name}:${s.type}`).join(", ")}`);
  if (user.databases !== undefined)
    parts.push(user.databases.length ? user.databases.join(", ") : "(no databases)");
  if (user.settings !== undefined && Object.keys(user.settings).length)
    parts.push(JSON.stringify(user.settings));
  if (user.mysqlAuthPlugin !== undefined) parts.push(user.mysqlAuthPlugin);
  return parts.join("; ");
}

function columns(users: readonly DbUser[]): [string, (u: DbUser) => string][] {
  const cols: [string, (u: DbUser) => string][] = [["NAME", (u) => u.name]];
  if (users.some((u) => u.host !== undefined)) cols.push(["HOST", (u) => u.host ?? ""]);
  if (users.some((u) => u.authDatabase !== undefined)) cols.push(["AUTH DB", (u) => u.authDatabase ?? ""]);
  if (users.some((u) => u.authType !== undefined)) cols.push(["AUTH TYPE", (u) => u.authType ?? ""]);
  cols.push(["ACCESS", (u) => (u.builtIn ? `(built in) ${accessSummary(u)}`.trim() : accessSummary(u))]);
  return cols;
}

/** Names and other free text are shown as JSON strings when they hold control characters. */
const safe = (text: string) => (/[\u0000-\u001f\u007f]/.test(text) ? JSON.stringify(text) : text);

export function userTable(users: readonly DbUser[]): string {
  if (users.length === 0) return "(no users)\n";
  const cols = columns(users);
  const rows = [cols.map(([head]) => head), ...users.map((u) => cols.map(([, get]) => safe(get(u))))];
  const widths = cols.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return (
    rows
      .map((r) =>
        r
          .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!)))
          .join("  ")
          .trimEnd(),
      )
      .join("\n") + "\n"
  );
}

export function userDetails(user: DbUser): string {
  const lines: [string, string | undefined][] = [
    ["name", user.name],
    ["host", user.host],
    ["auth database", user.authDatabase],
    ["auth type", user.authType],
    ["built in", user.builtIn ? "yes" : undefined],
    ["access", accessSummary(user) || undefined],
    ["description", user.description],
    ["delete after", user.deleteAfterDate],
    ["labels", user.labels?.map((l) => `${l.key}=${l.value}`).join(", ") || undefined],
  ];
  return lines
    .filter((line): line is [string, string] => line[1] !== undefined)
    .map(([k, v]) => `${k}: ${safe(v)}\n`)
    .join("");
}

/** JSON for machines. `Secret`s serialize as `[REDACTED]`. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
