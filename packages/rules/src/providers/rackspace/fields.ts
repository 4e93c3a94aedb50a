/** Every Rackspace field, in the order `describeRules` and the docs list them. */
import { characterSet, collation, databaseName } from "./database-fields.js";
import { host, password, userName } from "./user-fields.js";

export const fields = { userName, password, host, databaseName, characterSet, collation };
