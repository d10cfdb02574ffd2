/**
 * A tiny PDF writer: one or more pages of Helvetica text lines, nothing else. Enough for an offer summary a
 * candidate can save or print, with no dependency. Text is WinAnsi (Latin-1); other characters become '?'.
 */
export interface PdfLine {
  text: string;
  /** Font size in points; 10 by default. */
  size?: number;
  bold?: boolean;
  /** Extra space before the line, in points. */
  gapBefore?: number;
}

const PAGE_WIDTH = 595; // A4 in points
const PAGE_HEIGHT = 842;
const MARGIN = 56;

function toLatin1(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code === 0x2014 || code === 0x2013) out += '-';
    else if (code === 0x2019 || code === 0x2018) out += "'";
    else if (code === 0x201c || code === 0x201d) out += '"';
    else if (code === 0x2026) out += '...';
    else if (code === 0x2248) out += '~';
    else if (code >= 32 && code < 127) out += ch;
    else if (code >= 160 && code < 256) out += ch;
    else out += '?';
  }
  return out;
}

function escapePdfString(text: string): string {
  return toLatin1(text).replace(/\\/g, '\\\\').replace(/\(/g, '\\(').replace(/\)/g, '\\)');
}

/** Splits a long line so it fits the page width (Helvetica averages about half an em per character). */
function wrap(line: PdfLine): PdfLine[] {
  const size = line.size ?? 10;
  const maxChars = Math.floor((PAGE_WIDTH - 2 * MARGIN) / (size * 0.5));
  if (line.text.length <= maxChars) return [line];
  const words = line.text.split(' ');
  const out: PdfLine[] = [];
  let current = '';
  for (const w of words) {
    if (current && (current + ' ' + w).length > maxChars) {
      out.push({ ...line, text: current, gapBefore: out.length === 0 ? line.gapBefore : 0 });
      current = w;
    } else current = current ? `${current} ${w}` : w;
  }
  if (current) out.push({ ...line, text: current, gapBefore: out.length === 0 ? line.gapBefore : 0 });
  return out;
}

/**
 * Renders lines of text into a valid PDF 1.4 file (bytes). Lines flow onto new pages as needed.
 * @example renderPdf('Offer', [{ text: 'Base: 200,000 USD' }]) // Uint8Array starting with '%PDF-1.4'
 */
export function renderPdf(title: string, lines: readonly PdfLine[]): Uint8Array {
  const pages: string[] = [];
  let ops: string[] = [];
  let y = PAGE_HEIGHT - MARGIN;
  const flush = () => {
    pages.push(ops.join('\n'));
    ops = [];
    y = PAGE_HEIGHT - MARGIN;
  };
  for (const line of lines.flatMap(wrap)) {
    const size = line.size ?? 10;
    const step = size * 1.4 + (line.gapBefore ?? 0);
    if (y - step < MARGIN) flush();
    y -= step;
    ops.push(`BT /${line.bold ? 'F2' : 'F1'} ${size} Tf ${MARGIN} ${y.toFixed(2)} Td (${escapePdfString(line.text)}) Tj ET`);
  }
  if (ops.length > 0 || pages.length === 0) flush();

  // Objects: 1 catalog, 2 pages, 3 font, 4 bold font, 5 info, then per page: page object and content stream.
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 6 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
  objects[5] = `<< /Title (${escapePdfString(title)}) /Producer (Closer) >>`;
  pages.forEach((content, i) => {
    const pageId = pageIds[i]!;
    objects[pageId] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageId + 1} 0 R >>`;
    objects[pageId + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  });

  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = out.length;
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Every character is below 256 by construction, so one char is one byte and the offsets above are byte offsets.
  const bytes = new Uint8Array(out.length);
  for (let i = 0; i < out.length; i++) bytes[i] = out.charCodeAt(i) & 0xff;
  return bytes;
}
