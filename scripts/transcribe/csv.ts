/**
 * RFC 4180 CSV: fields separated by commas, optionally double-quoted; a quote inside a quoted field is doubled;
 * quoted fields may hold commas and newlines. Returns one object per data row keyed by the header.
 */
export function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      field = "";
      records.push(record);
      record = [];
    } else field += c;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const [header, ...rows] = records.filter((r) => !(r.length === 1 && r[0] === ""));
  if (!header) return [];
  return rows.map((r, n) => {
    if (r.length !== header.length) {
      throw new Error(`CSV data row ${n + 1}: ${r.length} fields, header has ${header.length}`);
    }
    const o: Record<string, string> = {};
    header.forEach((h, k) => {
      o[h] = r[k] ?? "";
    });
    return o;
  });
}
