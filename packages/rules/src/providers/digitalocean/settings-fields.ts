/**
 * Strings carried by `settings` (openapi `models/user_settings.yml` @ 7c1300c4): the Kafka ACL
 * `topic`, the OpenSearch ACL `index` and the MongoDB database names of `mongo_user_settings`.
 */

import { forbidsChars, maxUtf8Bytes, minChars } from "../../checks.js";
import { quoteJson } from "../../engine/json-quote.js";
import { replaceDisallowed, truncateUtf8 } from "../../engine/suggest.js";
import type { FieldSpec } from "../../types.js";
import type { DigitalOceanContext as C } from "./context.js";
import { noNul, withMessage } from "./factories.js";

const TF_NO_ZERO =
  "digitalocean/terraform-provider-digitalocean digitalocean/database/resource_database_user.go @ 401992a1e493a0e3cfc833197820867991fc011f (ValidateFunc: validation.NoZeroValues; client-side, the server's own check is unobserved)";

const notEmptyInStrict = (field: string, what: string) =>
  withMessage(
    minChars<C>({
      id: `digitalocean.${field}.notEmpty`,
      min: 1,
      profile: "strict",
      description: `Must not be empty (strict: ${what} of DigitalOcean's Terraform provider).`,
      source: TF_NO_ZERO,
    }),
    (_p, f) => `${f.label} is empty; DigitalOcean's own Terraform provider refuses an empty ${what}`,
  );

export const kafkaTopic: FieldSpec<C> = {
  name: "kafkaTopic",
  label: "Kafka ACL topic",
  rules: [notEmptyInStrict("kafkaTopic", "topic")],
  notes: [
    "DigitalOcean describes topic as 'a regex for matching the topic(s) that this ACL should apply to' (models/user_settings.yml @ 7c1300c4) and publishes no length or character limit; the server's own check is unobserved.",
    "Kafka topic names themselves are at most 249 characters of [a-zA-Z0-9._-] (Apache Kafka org.apache.kafka.common.internals.Topic), which does not bound a pattern, so it is not checked.",
  ],
};

export const opensearchIndex: FieldSpec<C> = {
  name: "opensearchIndex",
  label: "OpenSearch ACL index",
  rules: [notEmptyInStrict("opensearchIndex", "index")],
  notes: [
    "DigitalOcean describes index as 'a regex for matching the indexes that this ACL should apply to' (models/user_settings.yml @ 7c1300c4) and publishes no length or character limit; the server's own check is unobserved.",
  ],
};

const MONGO_LIMITS =
  "MongoDB docs, Limits and Thresholds, Naming Restrictions (https://www.mongodb.com/docs/manual/reference/limits/#naming-restrictions)";
/** What MongoDB on Unix and Linux refuses (`/\. "$`); NUL has its own rule. */
export const MONGO_DB_FORBIDDEN = '/\\. "$';
/** What MongoDB on Windows refuses on top of the Unix set. */
export const MONGO_DB_FORBIDDEN_WINDOWS = "*<>:|?";
/** "must be fewer than 64 bytes" (`DatabaseName::kMaxDatabaseNameLength = 63`). */
export const MONGO_DB_MAX_BYTES = 63;

const showSet = (chars: string) => [...chars].map((c) => (c === " " ? "space" : c)).join(" ");

export const mongoDatabase: FieldSpec<C> = {
  name: "mongoDatabase",
  label: "MongoDB database name",
  rules: [
    withMessage(
      minChars({
        id: "digitalocean.mongoDatabase.notEmpty",
        min: 1,
        source: `${MONGO_LIMITS}: 'cannot be empty'`,
      }),
      (_p, f) => `${f.label} is empty; MongoDB database names cannot be empty`,
    ),
    withMessage(
      maxUtf8Bytes({
        id: "digitalocean.mongoDatabase.maxBytes",
        max: MONGO_DB_MAX_BYTES,
        description: `At most ${MONGO_DB_MAX_BYTES} bytes in UTF-8 (fewer than 64).`,
        source: `${MONGO_LIMITS}: 'must be fewer than 64 bytes'; mongodb/mongo src/mongo/db/database_name.h kMaxDatabaseNameLength = 63`,
      }),
      (p, f) =>
        `${f.label} is ${p.actual as number} bytes in UTF-8; MongoDB allows at most ${MONGO_DB_MAX_BYTES}`,
    ),
    withMessage(
      forbidsChars({
        id: "digitalocean.mongoDatabase.forbiddenChars",
        chars: MONGO_DB_FORBIDDEN,
        description: `Must not contain any of: ${showSet(MONGO_DB_FORBIDDEN)} (MongoDB on Linux).`,
        source: `${MONGO_LIMITS}, Restrictions on Database Names for Unix and Linux Systems; mongodb/mongo DatabaseName::validDBName`,
      }),
      (p, f) =>
        `${f.label} contains ${quoteJson(p.char)} at position ${(p.index as number) + 1}; MongoDB does not allow any of: ${showSet(MONGO_DB_FORBIDDEN)}`,
    ),
    noNul({
      id: "digitalocean.mongoDatabase.nul",
      who: "MongoDB",
      source: `${MONGO_LIMITS}: 'database names cannot contain the null character'`,
    }),
    withMessage(
      forbidsChars({
        id: "digitalocean.mongoDatabase.windowsChars",
        chars: MONGO_DB_FORBIDDEN_WINDOWS,
        profile: "strict",
        description: `Must not contain any of: ${showSet(MONGO_DB_FORBIDDEN_WINDOWS)} (strict: MongoDB's Windows set, for portable names).`,
        source: `${MONGO_LIMITS}, Restrictions on Database Names for Windows; strict only because DigitalOcean's MongoDB runs on Linux (inferred)`,
      }),
      (p, f) =>
        `${f.label} contains ${quoteJson(p.char)} at position ${(p.index as number) + 1}; strict refuses ${showSet(MONGO_DB_FORBIDDEN_WINDOWS)} (MongoDB's Windows restrictions)`,
    ),
  ],
  // Forbidden characters (both sets) become "_"; an empty result fails notEmpty and the engine throws.
  suggest: (raw) => truncateUtf8(replaceDisallowed(raw, /[^/\\. "$*<>:|?\u0000]/u, "_"), MONGO_DB_MAX_BYTES),
  notes: [
    "admin grants the role on every database (models/user_settings.yml @ 7c1300c4).",
    "MongoDB refuses two databases whose names differ only in case (Naming Restrictions); that depends on existing databases and is not checked here.",
  ],
};
