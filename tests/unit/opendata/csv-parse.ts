/**
 * Test helper: a small, strict RFC 4180 parser (quoted fields, doubled
 * quotes, CRLF records, a final CRLF) used to check the CSV writer. A bare
 * quote, CR or LF outside quotes is an error, so sloppy quoting fails tests.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
        wasQuoted = true;
      } else field += c;
    } else if (c === '"' && field === '' && !wasQuoted) quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
      wasQuoted = false;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      wasQuoted = false;
      i += 1;
    } else if (c === '\n' || c === '\r' || c === '"' || wasQuoted)
      throw new Error(`malformed CSV at ${i}: ${JSON.stringify(text.slice(Math.max(0, i - 20), i + 20))}`);
    else field += c;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length) throw new Error('missing final CRLF');
  return rows;
}
