import { REPOSITORY, type WorkspacePackage } from "./workspace.js";

/*
 * What every published package must carry so that npmjs.com shows where it comes from, how to report
 * a bug and under which licence it is given, and so that Node versions that cannot load it refuse it
 * at install time (require() of an ES module needs Node 20.19).
 */

export const ENGINES_NODE = ">=20.19";
export const AUTHOR = "dbusers contributors";
export const LICENSE = "MIT";

/** The fields a package in packages/<folder> must have, exactly. */
export function expectedMetadata(folder: string): Record<string, unknown> {
  return {
    license: LICENSE,
    author: AUTHOR,
    homepage: `${REPOSITORY}/tree/main/packages/${folder}#readme`,
    repository: { type: "git", url: `git+${REPOSITORY}.git`, directory: `packages/${folder}` },
    bugs: { url: `${REPOSITORY}/issues` },
    engines: { node: ENGINES_NODE },
  };
}

/** Each problem as `field: what is wrong`, empty when the package is complete. */
export function metadataProblems(pkg: WorkspacePackage): string[] {
  const problems: string[] = [];
  for (const [field, expected] of Object.entries(expectedMetadata(pkg.folder))) {
    const actual = pkg.manifest[field];
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      problems.push(`${field}: expected ${JSON.stringify(expected)}, found ${JSON.stringify(actual)}`);
    }
  }
  const scripts = (pkg.manifest.scripts ?? {}) as Record<string, string>;
  // A stale file in dist/ (a module renamed or deleted) would otherwise be published forever.
  if (!/^node -e "fs\.rmSync\('dist',\{recursive:true,force:true\}\)" && /.test(scripts.build ?? "")) {
    problems.push(
      `scripts.build: must start by clearing dist: node -e "fs.rmSync('dist',{recursive:true,force:true})" && …`,
    );
  }
  if (scripts["check:package"] !== "publint --strict && attw --pack . --profile esm-only") {
    problems.push(`scripts.check:package: expected "publint --strict && attw --pack . --profile esm-only"`);
  }
  for (const section of ["dependencies", "peerDependencies", "optionalDependencies"]) {
    const deps = (pkg.manifest[section] ?? {}) as Record<string, string>;
    for (const [name, range] of Object.entries(deps)) {
      // `workspace:*` publishes an exact pin, so two packages needing the same @dbusers/core never share a copy.
      if (range.startsWith("workspace:") && range !== "workspace:^") {
        problems.push(`${section}.${name}: internal dependencies use "workspace:^", found "${range}"`);
      }
    }
  }
  return problems;
}

/**
 * Links in a published README that break on npmjs.com: relative ones (`../rules`, `src/x.ts`) resolve
 * against npmjs.com, not the repository. Anchors within the page and absolute URLs are fine.
 */
export function relativeReadmeLinks(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "``");
  const targets = [
    ...[...withoutCode.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] ?? ""),
    ...[...withoutCode.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)].map((m) => m[1] ?? ""),
    ...[...withoutCode.matchAll(/\b(?:href|src)="([^"]+)"/g)].map((m) => m[1] ?? ""),
  ];
  return targets.filter((target) => !/^(?:https?:|mailto:|#)/.test(target));
}
