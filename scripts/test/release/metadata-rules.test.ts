/** The checks behind package-metadata.test.ts catch what they claim to. */
import { describe, expect, it } from "vitest";
import { expectedMetadata, metadataProblems, relativeReadmeLinks } from "../../src/release/metadata.js";

const complete = {
  name: "@dbusers/x",
  version: "1.0.0",
  ...expectedMetadata("x"),
  scripts: {
    build: `node -e "fs.rmSync('dist',{recursive:true,force:true})" && tsc -p tsconfig.build.json`,
    "check:package": "publint --strict && attw --pack . --profile esm-only",
  },
  dependencies: { "@dbusers/core": "workspace:^", "openapi-fetch": "0.17.0" },
};
const pkg = (manifest: Record<string, unknown>) => ({
  folder: "x",
  dir: "/nowhere",
  manifest: { ...complete, ...manifest } as typeof complete,
});

describe("metadataProblems", () => {
  it("accepts a complete package", () => {
    expect(metadataProblems(pkg({}))).toEqual([]);
  });

  it.each(["license", "author", "homepage", "repository", "bugs", "engines"])(
    "names a missing %s",
    (field) => {
      expect(metadataProblems(pkg({ [field]: undefined }))).toEqual([expect.stringMatching(`^${field}: `)]);
    },
  );

  it("refuses a repository without the package's directory", () => {
    const repository = { type: "git", url: "git+https://github.com/dbusers/dbusers.git" };
    expect(metadataProblems(pkg({ repository }))).toEqual([expect.stringMatching(/^repository: /)]);
  });

  it("refuses engines that let Node 20.0 install a package it cannot require()", () => {
    expect(metadataProblems(pkg({ engines: { node: ">=20" } }))).toEqual([
      expect.stringMatching(/^engines: /),
    ]);
  });

  it("refuses a build that keeps an old dist", () => {
    expect(
      metadataProblems(pkg({ scripts: { ...complete.scripts, build: "tsc -p tsconfig.build.json" } })),
    ).toEqual([expect.stringMatching(/^scripts\.build: /)]);
  });

  it("refuses exact internal pins", () => {
    expect(metadataProblems(pkg({ dependencies: { "@dbusers/core": "workspace:*" } }))).toEqual([
      'dependencies.@dbusers/core: internal dependencies use "workspace:^", found "workspace:*"',
    ]);
  });
});

describe("relativeReadmeLinks", () => {
  it("finds relative links, reference links and HTML links", () => {
    const markdown = '[a](../rules) [b](https://x.dev) [c](#api)\n[d]: ./PROVIDERS.md\n<img src="logo.png">';
    expect(relativeReadmeLinks(markdown)).toEqual(["../rules", "./PROVIDERS.md", "logo.png"]);
  });

  it("ignores code", () => {
    expect(relativeReadmeLinks("```ts\nconst a = [x](y);\n```\n`[x](y)`")).toEqual([]);
  });
});
