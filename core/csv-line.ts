/**
 * One delimited line's fields, RFC 4180 quoting (`"a ""b"""` is `a "b"`), each trimmed. Shared by
 * the importer (a CSV header's names) and the browser (the columns a mapping form offers).
 */
export function splitCsvLine(line: string, delim: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delim) {
      fields.push(field.trim());
      field = '';
    } else field += ch;
  }
  fields.push(field.trim());
  return fields;
}
