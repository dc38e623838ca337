// A small YAML reader for the subset docker-compose.yml uses, so that a test can hold the file to
// the registry without a YAML dependency: block mappings and sequences by indentation, one-line
// flow collections ([…], {…}), quoted and plain scalars, comments, anchors (&a), aliases (*a) and
// merge keys (<<). Every scalar is a string (or null when absent); anything outside the subset
// throws naming the line, rather than reading something else.

export type Yaml = string | null | Yaml[] | { [key: string]: Yaml };

interface Line {
  no: number;
  indent: number;
  text: string;
}

/** The first index outside quotes where `stop(char, index)` holds, or -1. */
function findOutsideQuotes(text: string, stop: (c: string, i: number) => boolean): number {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (stop(c, i)) return i;
  }
  return -1;
}

/** The line without its comment: a # at the start or after a space, outside quotes. */
function withoutComment(line: string): string {
  const at = findOutsideQuotes(line, (c, i) => c === '#' && (i === 0 || /\s/.test(line[i - 1])));
  return at < 0 ? line : line.slice(0, at);
}

/** Where a block mapping's key ends: the first `:` followed by a space or the end, outside quotes and brackets. */
function keyEnd(text: string): number {
  let depth = 0;
  return findOutsideQuotes(text, (c, i) => {
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    return c === ':' && depth === 0 && (i + 1 === text.length || text[i + 1] === ' ');
  });
}

const isItem = (text: string) => text === '-' || text.startsWith('- ');

export function parseYaml(source: string): Yaml {
  const lines: Line[] = [];
  source.split('\n').forEach((raw, i) => {
    const text = withoutComment(raw).trimEnd();
    if (raw.includes('\t')) throw new Error(`line ${i + 1}: tabs are not YAML indentation`);
    if (text.trim()) lines.push({ no: i + 1, indent: text.length - text.trimStart().length, text: text.trim() });
  });
  const anchors = new Map<string, Yaml>();
  let at = 0;
  const fail = (line: Line | undefined, why: string): never => {
    throw new Error(`line ${line?.no ?? 'end'}: ${why}`);
  };

  /** Resolves merge keys: explicit keys win over merged ones, as YAML says. */
  const merged = (explicit: { [key: string]: Yaml }, merges: Yaml[], line: Line | undefined) => {
    const base: { [key: string]: Yaml } = {};
    for (const m of merges.flatMap((v) => (Array.isArray(v) ? v : [v]))) {
      if (!m || typeof m !== 'object' || Array.isArray(m)) fail(line, '<< merges a mapping only');
      Object.assign(base, m);
    }
    return { ...base, ...explicit };
  };

  /** A one-line value: a flow collection, an alias, a quoted or plain scalar. */
  function inline(text: string, line: Line): Yaml {
    let i = 0;
    const space = () => {
      while (text[i] === ' ') i++;
    };
    const value = (inFlow: boolean): Yaml => {
      space();
      const c = text[i];
      if (c === '[') {
        i++;
        const items: Yaml[] = [];
        for (space(); text[i] !== ']'; space()) {
          items.push(value(true));
          space();
          if (text[i] === ',') i++;
          else if (text[i] !== ']') fail(line, 'expected , or ] in a flow sequence');
        }
        i++;
        return items;
      }
      if (c === '{') {
        i++;
        const out: { [key: string]: Yaml } = {};
        const merges: Yaml[] = [];
        for (space(); text[i] !== '}'; space()) {
          const key = value(true);
          space();
          if (text[i] !== ':') fail(line, 'expected : in a flow mapping');
          i++;
          const v = value(true);
          if (key === '<<') merges.push(v);
          else out[String(key)] = v;
          space();
          if (text[i] === ',') i++;
          else if (text[i] !== '}') fail(line, 'expected , or } in a flow mapping');
        }
        i++;
        return merged(out, merges, line);
      }
      if (c === '"' || c === "'") {
        let out = '';
        for (i++; ; i++) {
          if (i >= text.length) fail(line, 'unterminated quoted scalar');
          if (c === '"' && text[i] === '\\') out += ({ n: '\n', t: '\t' } as Record<string, string>)[text[++i]] ?? text[i];
          else if (c === "'" && text[i] === "'" && text[i + 1] === "'") out += text[++i];
          else if (text[i] === c) break;
          else out += text[i];
        }
        i++;
        return out;
      }
      // A plain scalar (or alias) runs to the end, or in a flow collection to `, ] } :` followed by a space or the end.
      const start = i;
      while (i < text.length && !(inFlow && (/[,\]}]/.test(text[i]) || (text[i] === ':' && /[\s,\]}]|^$/.test(text[i + 1] ?? ''))))) i++;
      const plain = text.slice(start, i).trim();
      if (plain.startsWith('*')) {
        if (!anchors.has(plain.slice(1))) fail(line, `unknown alias ${plain}`);
        return anchors.get(plain.slice(1))!;
      }
      if (/^[&!|>]/.test(plain)) fail(line, `unsupported YAML: ${plain}`);
      return plain === '' || plain === '~' || plain === 'null' ? null : plain;
    };
    const out = value(false);
    space();
    if (i < text.length) fail(line, `unexpected ${text.slice(i)}`);
    return out;
  }

  /** The value after `key:` or `- `: inline, or the block on the following lines. */
  function valueAfter(text: string, parentIndent: number, line: Line): Yaml {
    let rest = text;
    let anchor: string | undefined;
    const a = /^&([\w-]+)\s*/.exec(rest);
    if (a) {
      anchor = a[1];
      rest = rest.slice(a[0].length);
    }
    let v: Yaml;
    if (rest) v = inline(rest, line);
    else {
      const next = lines[at];
      const nested = next && (next.indent > parentIndent || (next.indent === parentIndent && isItem(next.text)));
      v = nested ? block(next.indent) : null;
    }
    if (anchor) anchors.set(anchor, v);
    return v;
  }

  function block(indent: number): Yaml {
    return isItem(lines[at].text) ? sequence(indent) : mapping(indent);
  }

  function sequence(indent: number): Yaml[] {
    const items: Yaml[] = [];
    while (at < lines.length && lines[at].indent === indent && isItem(lines[at].text)) {
      const line = lines[at];
      const rest = line.text.slice(1).trimStart();
      if (rest && keyEnd(rest) > 0 && !/^["'[{]/.test(rest)) {
        // `- key: value` starts a mapping whose keys line up with `key`.
        const inner = indent + (line.text.length - rest.length);
        lines[at] = { ...line, indent: inner, text: rest };
        items.push(mapping(inner));
      } else {
        at++;
        items.push(valueAfter(rest, indent, line));
      }
    }
    return items;
  }

  function mapping(indent: number): { [key: string]: Yaml } {
    const out: { [key: string]: Yaml } = {};
    const merges: Yaml[] = [];
    let first: Line | undefined;
    while (at < lines.length && lines[at].indent === indent && !isItem(lines[at].text)) {
      const line = lines[at++];
      first ??= line;
      const end = keyEnd(line.text);
      if (end <= 0) fail(line, 'expected key: value');
      const keyText = line.text.slice(0, end).trim();
      const key = /^["']/.test(keyText) ? String(inline(keyText, line)) : keyText;
      const value = valueAfter(line.text.slice(end + 1).trim(), indent, line);
      if (key === '<<') merges.push(value);
      else if (key in out) fail(line, `duplicate key ${key}`);
      else out[key] = value;
    }
    if (at < lines.length && lines[at].indent > indent) fail(lines[at], 'unexpected indentation');
    return merged(out, merges, first);
  }

  if (!lines.length) return null;
  const doc = block(lines[0].indent);
  if (at < lines.length) fail(lines[at], 'unexpected indentation');
  return doc;
}
