/** Path templates as every vendor client fills them: each parameter checked, then encoded. */
import { defaultPathSerializer, type PathSerializer } from "openapi-fetch";
import { assertSafePathSegment } from "./path.js";

const PATH_PARAM = /\{([^{}]+)\}/g;

/** A path template taken apart once: its parameters, and (for plain `{name}` ones) the text between them. */
interface Template {
  readonly names: readonly string[];
  /** The text around the parameters, when every one is a plain `{name}`; `undefined` otherwise. */
  readonly parts: readonly string[] | undefined;
}

function compile(url: string): Template {
  const matches = [...url.matchAll(PATH_PARAM)];
  const names = matches.map((match) => match[1]!.replace(/^[.;]|\*$/g, ""));
  const plain = matches.every((match) => /^[^.;*][^*]*$/.test(match[1]!));
  const parts = plain ? url.split(PATH_PARAM).filter((_, i) => i % 2 === 0) : undefined;
  return { names, parts };
}

/**
 * Checks every parameter the template names, then encodes with the vendor's serializer, or, with
 * none, as openapi-fetch's default does for plain `{name}` parameters (`encodeURIComponent`, which
 * is all the default does with a string), from the template taken apart once per client.
 */
export function checkedPaths(serialize: PathSerializer | undefined): PathSerializer {
  const templates = new Map<string, Template>();
  return (url, params) => {
    let template = templates.get(url);
    if (template === undefined) {
      template = compile(url);
      templates.set(url, template);
    }
    const { names, parts } = template;
    for (const name of names) assertSafePathSegment(name, params[name]);
    if (serialize !== undefined || parts === undefined)
      return (serialize ?? defaultPathSerializer)(url, params);
    let out = parts[0]!;
    for (let i = 0; i < names.length; i++)
      out += encodeURIComponent(params[names[i]!] as string) + parts[i + 1]!;
    return out;
  };
}
