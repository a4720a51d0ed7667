/**
 * Go's fmt.Sprintf over string (and int) arguments, as Vale formats messages (core.CondSprintf appends
 * `%[n]s` for one extra empty argument): `%s` and `%v` give the value, `%q` quotes it, `%x` and `%X`
 * give its UTF-8 bytes in hex, any other verb is Go's error text (`%d` of a string is
 * `%!d(string=value)`); `%[n]` picks an argument, a missing one is `%!s(MISSING)`, a bad index
 * `%!s(BADINDEX)`, and arguments left unused without an index are listed as `%!(EXTRA …)`. A number
 * is a Go int (an `occurrence` rule's count, since Vale 3.15): `%d` and `%v` give it, `%s` is
 * `%!s(int=3)`.
 */
const SPEC = /%([#0+\- ]*)(?:\[(\d+)\])?(\d*)(?:\.(\d*))?([\s\S]?)/y;

export function goSprintf(format: string, args: readonly (string | number)[]): string {
  let out = "";
  let argNum = 0;
  let reordered = false;
  for (let i = 0; i < format.length; ) {
    const pct = format.indexOf("%", i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    if (format[pct + 1] === "%") {
      out += "%";
      i = pct + 2;
      continue;
    }
    SPEC.lastIndex = pct;
    const [whole, flags = "", index, width = "", precision, verb = ""] = SPEC.exec(format)!;
    i = pct + whole.length;
    if (verb === "") {
      out += "%!(NOVERB)";
      continue;
    }
    let goodIndex = true;
    if (index !== undefined) {
      reordered = true;
      const n = Number(index);
      if (n >= 1 && n <= args.length) argNum = n - 1;
      else goodIndex = false;
    }
    if (!goodIndex) {
      out += `%!${verb}(BADINDEX)`;
      continue;
    }
    if (argNum >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const value = args[argNum++]!;
    if (typeof value === "number") out += pad(formatInt(verb, value), verb, flags, width);
    else out += pad(formatValue(verb, precision === undefined ? value : [...value].slice(0, Number(precision || "0")).join("")), verb, flags, width);
  }
  if (!reordered && argNum < args.length) out += `%!(EXTRA ${args.slice(argNum).map((a) => (typeof a === "number" ? `int=${a}` : `string=${a}`)).join(", ")})`;
  return out;
}

function formatValue(verb: string, value: string): string {
  if (verb === "s" || verb === "v") return value;
  if (verb === "q") return JSON.stringify(value);
  if (verb === "x" || verb === "X") {
    const hex = [...Buffer.from(value, "utf8")].map((b) => b.toString(16).padStart(2, "0")).join("");
    return verb === "X" ? hex.toUpperCase() : hex;
  }
  return `%!${verb}(string=${value})`;
}

/** A Go int as Sprintf prints it: `%d`, `%v`, `%x`, `%X`, `%o`, `%b`, `%c`; any other verb is Go's error text. */
function formatInt(verb: string, value: number): string {
  const digits = (radix: number) => (value < 0 ? "-" : "") + Math.abs(value).toString(radix);
  if (verb === "d" || verb === "v") return String(value);
  if (verb === "x") return digits(16);
  if (verb === "X") return digits(16).toUpperCase();
  if (verb === "o") return digits(8);
  if (verb === "b") return digits(2);
  if (verb === "c") return String.fromCodePoint(value >= 0 && value <= 0x10ffff ? value : 0xfffd);
  return `%!${verb}(int=${value})`;
}

function pad(text: string, verb: string, flags: string, width: string): string {
  const n = Number(width || "0") - [...text].length;
  if (n <= 0 || text.startsWith(`%!${verb}(`)) return text;
  return flags.includes("-") ? text + " ".repeat(n) : " ".repeat(n) + text;
}
