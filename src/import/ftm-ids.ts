/**
 * FollowTheMoney entity ids for our graph ids, and back: FtM 4 accepts only ids matching
 * {@link FTM_ID} (followthemoney/types/entity.py, `EntityType.REGEX_RAW`) and drops every
 * reference to any other, while our ids may hold a namespace (`ns:x`), letters of any script
 * (customs parties, `party-ru-ооо-вектор`) or link separators (`a>BASED_IN>country-ru`).
 *
 * The mapping is reversible and leaves valid ids alone: an id that is a valid FtM id and does not
 * start with {@link ENCODED_PREFIX} is exported as it is (so FtM data round-trips with its own ids);
 * any other becomes `ag.` followed by the id with every character but ASCII letters, digits and
 * `-` escaped as `.` + two hex digits (`:` → `.3a`), `.u` + four (`о` → `.u043e`) or `.v` + six
 * (beyond the BMP), and a last `-` escaped too, since an FtM id ends in a letter or digit:
 * `ns:syn-co-vector` → `ag.ns.3asyn-co-vector`. Written here rather than taken from npm: the
 * escape must produce FtM's own id alphabet, which no encoding package (base32, percent-encoding) does.
 * The FtM import decodes every id and reference it reads ({@link fromFtmId}).
 */

/** A valid FollowTheMoney 4 entity id (followthemoney/types/entity.py). */
export const FTM_ID = /^[0-9a-zA-Z]([0-9a-zA-Z.-]*[0-9a-zA-Z])?$/;

/** Start of an encoded id; an id that starts with it is always encoded, so decoding is unambiguous. */
export const ENCODED_PREFIX = "ag.";

/** The FtM id of graph id `id` (unchanged when already a valid FtM id outside the encoded space). */
export function toFtmId(id: string): string {
  if (FTM_ID.test(id) && !id.startsWith(ENCODED_PREFIX)) return id;
  let out = ENCODED_PREFIX;
  const chars = [...id];
  chars.forEach((c, i) => {
    if (/[0-9A-Za-z]/.test(c) || (c === "-" && i < chars.length - 1)) {
      out += c;
      return;
    }
    const code = c.codePointAt(0)!;
    out += code < 0x100 ? `.${hex(code, 2)}` : code < 0x10000 ? `.u${hex(code, 4)}` : `.v${hex(code, 6)}`;
  });
  return out;
}

/** The graph id an FtM id stands for: {@link toFtmId} undone; any id outside the encoded space unchanged. */
export function fromFtmId(ftmId: string): string {
  if (!ftmId.startsWith(ENCODED_PREFIX)) return ftmId;
  const body = ftmId.slice(ENCODED_PREFIX.length);
  let out = "";
  for (let i = 0; i < body.length;) {
    const c = body[i]!;
    if (c !== ".") {
      out += c;
      i += 1;
      continue;
    }
    const width = body[i + 1] === "u" ? 4 : body[i + 1] === "v" ? 6 : 2;
    const start = i + 1 + (width === 2 ? 0 : 1);
    const digits = body.slice(start, start + width);
    // Not an escape we write: keep the text as it is rather than guess (such an id was never ours).
    if (!/^[0-9a-f]+$/.test(digits) || digits.length !== width) return ftmId;
    out += String.fromCodePoint(parseInt(digits, 16));
    i = start + width;
  }
  return out;
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, "0");
}
