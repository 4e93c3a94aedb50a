/**
 * The floor: Rackspace's strict user-name rules as one hand-written pass over the characters, the
 * fastest a validator can reasonably be. It answers only valid/invalid (no messages).
 */
const FORBIDDEN = new Uint8Array(128);
for (const c of "'\";`,/\\!$%&()*+-:<=>[]^{|}~") FORBIDDEN[c.charCodeAt(0)] = 1;
const EDGE = new Uint8Array(128);
for (const c of " @?#") EDGE[c.charCodeAt(0)] = 1;

export function handWrittenUserName(value: unknown): boolean {
  if (typeof value !== "string") return false;
  const n = value.length;
  if (n < 1 || n > 16) return false;
  let alnum = false;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || FORBIDDEN[c] === 1) return false;
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) alnum = true;
  }
  if (!alnum || EDGE[value.charCodeAt(0)] === 1 || EDGE[value.charCodeAt(n - 1)] === 1) return false;
  const lower = value.toLowerCase();
  return lower !== "root" && lower !== "os_admin";
}
