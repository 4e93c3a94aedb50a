import { gunzipSync } from "node:zlib";

export interface TarEntry {
  path: string;
  size: number;
}

/** The regular files of a .tgz (ustar, as npm and pnpm pack them), without unpacking to disk. */
export function tarballFiles(tgz: Uint8Array): TarEntry[] {
  const tar = gunzipSync(tgz);
  const entries: TarEntry[] = [];
  const text = (start: number, length: number) =>
    tar.toString("utf8", start, start + length).replace(/\0[\s\S]*$/, "");
  let offset = 0;
  while (offset + 512 <= tar.length && tar[offset] !== 0) {
    const size = Number.parseInt(text(offset + 124, 12).trim() || "0", 8);
    const type = text(offset + 156, 1);
    const prefix = text(offset + 345, 155);
    const name = text(offset, 100);
    if (type === "" || type === "0") entries.push({ path: prefix ? `${prefix}/${name}` : name, size });
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return entries;
}
