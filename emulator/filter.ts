/**
 * LogicMonitor's REST filter syntax, for the emulator: `field<op>value` clauses joined by `,` (AND)
 * and `||` (OR), `|` between alternative values, `*` as a wildcard, values optionally in double quotes.
 * Operators: `:` equals, `!:` not equals, `>`, `<`, `>:`, `<:`, `~` contains, `!~` not contains.
 * String comparison is case-insensitive, as in the portal.
 */

type Operator = ":" | "!:" | ">" | "<" | ">:" | "<:" | "~" | "!~";
interface Clause {
  field: string;
  op: Operator;
  values: string[];
}

export type Predicate = (item: Record<string, unknown>) => boolean;

export class FilterError extends Error {}

// Longest operators first, so `>:` is not read as `>`.
const CLAUSE = /^([A-Za-z_][A-Za-z0-9_.]*)\s*(!:|>:|<:|!~|:|>|<|~)\s*(.*)$/s;

/** Parses a filter into a predicate; throws FilterError with the offending clause. */
export function parseFilter(filter: string): Predicate {
  const alternatives = splitOutsideQuotes(filter, "||").map((group) => splitOutsideQuotes(group, ",").map(parseClause));
  return (item) => alternatives.some((clauses) => clauses.every((clause) => matches(clause, item)));
}

function parseClause(text: string): Clause {
  const match = CLAUSE.exec(text.trim());
  if (!match) throw new FilterError(`Invalid filter clause: ${text}`);
  const [, field, op, rawValue] = match;
  const values = splitOutsideQuotes(rawValue, "|").map(unquote);
  return { field, op: op as Operator, values };
}

function unquote(value: string): string {
  const v = value.trim();
  return v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v;
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (!quoted && text.startsWith(separator, i)) {
      if (separator === "|" && (text[i + 1] === "|" || text[i - 1] === "|")) continue;
      parts.push(text.slice(start, i));
      start = i + separator.length;
      i += separator.length - 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function matches(clause: Clause, item: Record<string, unknown>): boolean {
  const actual = clause.field.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], item);
  const candidates = Array.isArray(actual) ? actual : [actual];
  const test = (value: string) => candidates.some((c) => compare(clause.op, c, value));
  return clause.op === "!:" || clause.op === "!~" ? clause.values.every(test) : clause.values.some(test);
}

function compare(op: Operator, actual: unknown, expected: string): boolean {
  if (actual === undefined || actual === null) return op === "!:" || op === "!~";
  const text = String(typeof actual === "object" ? ((actual as { name?: unknown }).name ?? "") : actual).toLowerCase();
  const wanted = expected.toLowerCase();
  switch (op) {
    case ":":
      return wildcard(wanted).test(text);
    case "!:":
      return !wildcard(wanted).test(text);
    case "~":
      return text.includes(wanted.replace(/\*/g, ""));
    case "!~":
      return !text.includes(wanted.replace(/\*/g, ""));
    default: {
      const [a, b] = [Number(actual), Number(expected)];
      const numeric = Number.isFinite(a) && Number.isFinite(b);
      const order = numeric ? a - b : text.localeCompare(wanted);
      return op === ">" ? order > 0 : op === "<" ? order < 0 : op === ">:" ? order >= 0 : order <= 0;
    }
  }
}

function wildcard(pattern: string): RegExp {
  const escaped = pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  return new RegExp(`^${escaped}$`, "s");
}
