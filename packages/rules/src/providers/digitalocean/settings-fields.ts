/**
 * Strings carried by `settings` (openapi `models/user_settings.yml` @ 7c1300c4): the Kafka ACL
 * `topic`, the OpenSearch ACL `index` and the MongoDB database names of `mongo_user_settings`.
 */

import { forbidsChars, maxUtf8Bytes, minChars, showChars } from "../../checks.js";
import { quoteJson } from "../../engine/json-quote.js";
import type { FieldSpec } from "../../types.js";
import type { DigitalOceanContext as C } from "./context.js";
import { noNul, withMessage } from "./factories.js";

const notEmptyInStrict = (field: string, what: string) =>
  withMessage(
    minChars<C>({
      id: `digitalocean.${field}.notEmpty`,
      min: 1,
      profile: "strict",
    }),
    (_p, f) => `${f.label} is empty; DigitalOcean's own Terraform provider refuses an empty ${what}`,
  );

export const kafkaTopic: FieldSpec<C> = {
  name: "kafkaTopic",
  label: "Kafka ACL topic",
  rules: [notEmptyInStrict("kafkaTopic", "topic")],
};

export const opensearchIndex: FieldSpec<C> = {
  name: "opensearchIndex",
  label: "OpenSearch ACL index",
  rules: [notEmptyInStrict("opensearchIndex", "index")],
};

/** What MongoDB on Unix and Linux refuses (`/\. "$`); NUL has its own rule. */
export const MONGO_DB_FORBIDDEN = '/\\. "$';
/** What MongoDB on Windows refuses on top of the Unix set. */
export const MONGO_DB_FORBIDDEN_WINDOWS = "*<>:|?";
/** "must be fewer than 64 bytes" (`DatabaseName::kMaxDatabaseNameLength = 63`). */
export const MONGO_DB_MAX_BYTES = 63;

const showSet = showChars;

export const mongoDatabase: FieldSpec<C> = {
  name: "mongoDatabase",
  label: "MongoDB database name",
  rules: [
    withMessage(
      minChars({
        id: "digitalocean.mongoDatabase.notEmpty",
        min: 1,
      }),
      (_p, f) => `${f.label} is empty; MongoDB database names cannot be empty`,
    ),
    withMessage(
      maxUtf8Bytes({
        id: "digitalocean.mongoDatabase.maxBytes",
        max: MONGO_DB_MAX_BYTES,
      }),
      (p, f) =>
        `${f.label} is ${p.actual as number} bytes in UTF-8; MongoDB allows at most ${MONGO_DB_MAX_BYTES}`,
    ),
    withMessage(
      forbidsChars({
        id: "digitalocean.mongoDatabase.forbiddenChars",
        chars: MONGO_DB_FORBIDDEN,
      }),
      (p, f) =>
        `${f.label} contains ${quoteJson(p.char)} at position ${(p.index as number) + 1}; MongoDB does not allow any of: ${showSet(MONGO_DB_FORBIDDEN)}`,
    ),
    noNul({
      id: "digitalocean.mongoDatabase.nul",
      who: "MongoDB",
    }),
    withMessage(
      forbidsChars({
        id: "digitalocean.mongoDatabase.windowsChars",
        chars: MONGO_DB_FORBIDDEN_WINDOWS,
        profile: "strict",
      }),
      (p, f) =>
        `${f.label} contains ${quoteJson(p.char)} at position ${(p.index as number) + 1}; strict refuses ${showSet(MONGO_DB_FORBIDDEN_WINDOWS)} (MongoDB's Windows restrictions)`,
    ),
  ],
};
