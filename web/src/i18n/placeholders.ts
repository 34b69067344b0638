/**
 * The arguments of an ICU message, as `name:type` (`count:plural`, `kind:select(a|b)`), sorted:
 * two translations of one message must take the same arguments, or one of them shows a raw
 * `{name}` or drops a value. A small reader of ICU's syntax, so the test needs no parser package.
 */
export function argumentsOf(message: string): string[] {
  const found = new Set<string>();
  let i = 0;

  // Text up to the `}` that closes the enclosing argument (or the end); `'{…}'` is quoted text.
  const text = (): void => {
    while (i < message.length) {
      const ch = message[i]!;
      if (ch === "'" && (message[i + 1] === '{' || message[i + 1] === '}' || message[i + 1] === '#')) {
        const close = message.indexOf("'", i + 1);
        i = close === -1 ? message.length : close + 1;
      } else if (ch === '{') {
        i++;
        argument();
      } else if (ch === '}') {
        return;
      } else i++;
    }
  };
  const readUntil = (stops: string): string => {
    const start = i;
    while (i < message.length && !stops.includes(message[i]!)) i++;
    return message.slice(start, i).trim();
  };
  const argument = (): void => {
    const name = readUntil(',}');
    if (message[i] === '}') {
      i++;
      found.add(`${name}:string`);
      return;
    }
    i++;
    const type = readUntil(',}');
    if (type === 'plural' || type === 'selectordinal' || type === 'select') {
      i++;
      const keys: string[] = [];
      while (i < message.length) {
        while (/\s/.test(message[i] ?? '')) i++;
        if (message[i] === '}') break;
        const key = readUntil('{ \n\t');
        while (/\s/.test(message[i] ?? '')) i++;
        if (message[i] !== '{') break;
        i++;
        if (!key.startsWith('offset:')) keys.push(key);
        text();
        i++;
      }
      found.add(type === 'select' ? `${name}:select(${keys.sort().join('|')})` : `${name}:${type}`);
    } else {
      // number, date, time: a style may follow; skip to the argument's closing brace.
      let depth = 0;
      while (i < message.length && !(message[i] === '}' && depth === 0)) {
        if (message[i] === '{') depth++;
        if (message[i] === '}') depth--;
        i++;
      }
      found.add(`${name}:${type}`);
    }
    i++;
  };
  text();
  return [...found].sort();
}
