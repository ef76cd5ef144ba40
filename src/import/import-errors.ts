import type { Reject } from "./types.js";

/** Why a whole import was refused (exit code 2 on the CLI, HTTP 400). */
export type ImportFileErrorCode =
  | "UNKNOWN_FORMAT"
  | "UNREADABLE_FILE"
  | "MISSING_COLUMNS"
  | "BAD_COLUMN_CONFIG"
  | "EMPTY_FILE"
  | "FILE_TOO_LARGE"
  | "BAD_OPTION"
  | "REJECTS_UNWRITABLE"
  | "AMBIGUOUS_COLUMNS"
  | "MALFORMED_HEADER";

/**
 * The file or the options cannot be imported at all; nothing was written. Except
 * REJECTS_UNWRITABLE: the rejects report failed while being written (a full disk), after the
 * batches before it were written; each is atomic and idempotent, so a re-run converges.
 */
export class ImportFileError extends Error {
  constructor(
    readonly code: ImportFileErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Under `--strict`, the first bad record stops the import (exit code 1, HTTP 400 ROW_REJECTED).
 * Batches committed before it stay (each is atomic and idempotent, so a re-run after fixing the
 * file converges); the batch holding the bad record is not written.
 */
export class StrictRejectError extends Error {
  constructor(readonly reject: Reject) {
    super(`--strict: ${reject.reason} [${reject.code}]`);
  }
}
