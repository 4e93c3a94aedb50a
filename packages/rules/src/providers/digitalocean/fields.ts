/** Every public DigitalOcean field, by name (the specs live in user-name.ts and settings-fields.ts). */
import { kafkaTopic, mongoDatabase, opensearchIndex } from "./settings-fields.js";
import { userName } from "./user-name.js";

export const fields = { userName, kafkaTopic, opensearchIndex, mongoDatabase } as const;
