/** A setting's value when it is a string with something in it; blank or absent (or not text) is unset. */
export const nonBlank = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value : undefined;
