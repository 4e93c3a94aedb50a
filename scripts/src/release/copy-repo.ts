import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * Copies the repository as git would check it out — tracked files plus new files not ignored, as
 * they are on disk now — into `target`, so the rehearsal can run `changeset version` and build
 * without touching the repository's own files. No node_modules, dist or caches come along.
 */
export function copyRepository(root: string, target: string): number {
  const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  let copied = 0;
  for (const file of listed.split("\0")) {
    if (file === "" || !existsSync(join(root, file))) continue; // deleted but not yet staged
    mkdirSync(dirname(join(target, file)), { recursive: true });
    cpSync(join(root, file), join(target, file), { verbatimSymlinks: true });
    copied++;
  }
  return copied;
}

/** Commits everything in a throwaway repository (pnpm publish wants a clean tree on a known branch). */
export function commitAll(dir: string, message: string): void {
  const git = (...args: string[]) =>
    execFileSync(
      "git",
      ["-c", "user.name=dbusers rehearsal", "-c", "user.email=rehearsal@dbusers.invalid", ...args],
      {
        cwd: dir,
        stdio: "ignore",
      },
    );
  if (!existsSync(join(dir, ".git"))) git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "--allow-empty", "-m", message);
}
