/**
 * Go's fmt.Sprintf over string arguments, as Vale formats messages (core.CondSprintf appends
 * `%[n]s` for one extra empty argument): `%s` and `%v` give the value, `%q` quotes it, `%x` and `%X`
 * give its UTF-8 bytes in hex, any other verb is Go's error text (`%d` of a string is
 * `%!d(string=value)`); `%[n]` picks an argument, a missing one is `%!s(MISSING)`, a bad index
 * `%!s(BADINDEX)`, and arguments left unused without an index are listed as `%!(EXTRA …)`.
 */
const SPEC = /%([#0+\- ]*)(?:\[(\d+)\])?(\d*)(?:\.(\d*))?([\s\S]?)/y;

export function goSprintf(format: string, args: readonly string[]): string {
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
    out += pad(formatValue(verb, precision === undefined ? value : [...value].slice(0, Number(precision || "0")).join("")), verb, flags, width);
  }
  if (!reordered && argNum < args.length) out += `%!(EXTRA ${args.slice(argNum).map((a) => `string=${a}`).join(", ")})`;
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

function pad(text: string, verb: string, flags: string, width: string): string {
  const n = Number(width || "0") - [...text].length;
  if (n <= 0 || text.startsWith(`%!${verb}(`)) return text;
  return flags.includes("-") ? text + " ".repeat(n) : " ".repeat(n) + text;
}
