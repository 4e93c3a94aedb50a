/**
 * The Atlas documentation table (rules by id, fields' notes, hand-written JSON Schema fragments)
 * and name suggestions: read by `describeRules`, `toJSONSchema` and `suggestName` only, never by
 * validation.
 */
import { asciiFold, replaceDisallowed, truncateCodePoints } from "../../engine/suggest.js";
import type { ProviderDocs } from "../../types.js";
import type { AtlasAuthType, AtlasContext } from "./context.js";
import { scanLenientDn, toStrictDn } from "./dn.js";
import { atlasRequestRuleDocs } from "./docs-request-rules.js";
import { atlasFieldRuleDocs } from "./docs-rules.js";
import { BUILT_IN_ROLES } from "./fields.js";
import { atlasSchemas } from "./schemas.js";
import { USERNAME_MAX } from "./username.js";

const NOTES: Readonly<Record<AtlasAuthType, readonly string[]>> = {
  SCRAM: [
    "Server profile: only the length; real servers accept -, _ and mixed case (docs/vendors/atlas.md §8 item 1).",
    "Unconfirmed: a SCRAM name with @ may be checked as an e-mail address (docs/vendors/atlas.md §8 item 1).",
  ],
  AWS_IAM_USER: ["The server's own ARN check is not published: the ARN format is a strict-profile rule."],
  AWS_IAM_ROLE: ["The server's own ARN check is not published: the ARN format is a strict-profile rule."],
  X509_MANAGED: [
    "SPEC says RFC 2253 DN, but MongoDB's Terraform acceptance tests create MANAGED users with plain names, so neither profile requires a DN (docs/vendors/atlas.md §8 item 6).",
  ],
  X509_CUSTOMER: ["The server also refuses DNs with 'illegal metacharacters'; which ones is not published."],
  LDAP_USER: ["The server also refuses DNs with 'illegal metacharacters'; which ones is not published."],
  LDAP_GROUP: ["The server also refuses DNs with 'illegal metacharacters'; which ones is not published."],
  OIDC_WORKFORCE: [
    "The server's own check of the IdP id is not published: the format is a strict-profile rule.",
  ],
  OIDC_WORKLOAD: [
    "The server's own check of the IdP id is not published: the format is a strict-profile rule.",
  ],
};

/** The closest valid username; only obvious fixes for the formats that carry an identity. */
export function suggestUsername(raw: string, ctx: AtlasContext): string | undefined {
  const strict = ctx.profile === "strict";
  const trimmed = raw.trim();
  switch (ctx.authType) {
    case "SCRAM": {
      // An empty result fails minLength, and the engine then throws NoValidNameError.
      const kept = strict ? replaceDisallowed(asciiFold(raw), /^[A-Za-z0-9-]$/, "") : raw;
      return truncateCodePoints(kept, USERNAME_MAX);
    }
    case "X509_MANAGED":
      return truncateCodePoints(raw, USERNAME_MAX);
    case "X509_CUSTOMER":
    case "LDAP_USER":
    case "LDAP_GROUP": {
      // Trimming can cut an escaped trailing space (`CN=a\ `): keep the raw value then.
      const dn = scanLenientDn(trimmed) ? trimmed : raw;
      return strict ? toStrictDn(dn) : dn;
    }
    case "OIDC_WORKFORCE":
    case "OIDC_WORKLOAD":
      // The IdP id is an ObjectId: the same id in lower case, as Atlas prints it.
      return /^[0-9a-fA-F]{24}\//.test(trimmed)
        ? trimmed.slice(0, 24).toLowerCase() + trimmed.slice(24)
        : trimmed;
    default:
      return trimmed;
  }
}

export const atlasDocs: ProviderDocs<AtlasContext> = {
  rules: { ...atlasFieldRuleDocs, ...atlasRequestRuleDocs },
  schemas: atlasSchemas,
  fields: {
    username: { notes: (ctx) => NOTES[ctx.authType], suggest: suggestUsername },
    password: {
      notes: [
        "Only for SCRAM users (a request with a password for another auth type is refused).",
        "No maximum length or character set is published (docs/vendors/atlas.md §10).",
      ],
    },
    description: { notes: ['An empty description ("") clears it on update (TF model_database_user.go).'] },
    deleteAfterDate: {
      notes: [
        "The window is checked against the context's now; the server checks against the moment it receives the request.",
      ],
    },
    roleName: {
      notes: [
        `Built-in roles: ${BUILT_IN_ROLES.join(", ")}; any other name must be a custom role of the project.`,
      ],
    },
  },
};
