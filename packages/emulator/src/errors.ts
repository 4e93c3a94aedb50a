/** Why a call to the emulator's own API (not an HTTP request to it) was refused. */
export type EmulatorErrorCode =
  | "invalid-option"
  | "invalid-state"
  | "invalid-state-file"
  | "invalid-fault"
  | "unknown-engine"
  | "invalid-cluster-id"
  | "duplicate-cluster"
  | "unknown-cluster"
  | "duplicate-user"
  | "invalid-user"
  | "listen-failed";

/**
 * Thrown by `startEmulator`, `state.*` and `faults.*` when a test sets the emulator up wrongly.
 * HTTP clients never see it: requests get the vendor's own error bodies instead.
 */
export class EmulatorError extends Error {
  override readonly name = "EmulatorError";
  readonly code: EmulatorErrorCode;

  constructor(code: EmulatorErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
