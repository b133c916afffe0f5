// A report as an A4 PDF that prints every figure and heading in full: a
// column is as wide as its widest figure and its longest heading word,
// headings and names wrap onto more lines, and a table too wide for a
// portrait page turns the whole report landscape (and, past that, smaller).
// Shaping and the text layer: pdf/pdf-document.ts (docs/decisions.md,
// "Reports").
import { PdfDocument, type PdfPage } from './pdf/pdf-document';
import { reportShaper } from './pdf/shaper';
import { cellText, type ReportDocument, type Table } from './report-tables';

const A4 = { short: 595.28, long: 841.89 }; // points
const MARGIN = 40;
const BODY = 8.5;
const PAD_X = 4;
const PAD_Y = 2.5;
/** Devanagari's matras reach above and below the Latin line: a looser line than Latin alone needs. */
const LEADING = 1.4;
/** Bold is drawn with a stroke around each glyph: a little wider than measured. */
const BOLD_SLACK = 1.03;

class Flow {
  page!: PdfPage;
  y = 0;
  private pageNo = 0;
  constructor(
    private readonly pdf: PdfDocument,
    readonly width: number,
    readonly height: number,
    private readonly title: string,
  ) {
    this.next();
  }

  get contentWidth(): number {
    return this.width - 2 * MARGIN;
  }

  next(): void {
    this.page = this.pdf.addPage(this.width, this.height);
    this.pageNo++;
    this.y = MARGIN;
    this.page.text(`${this.title} — ${this.pageNo}`, MARGIN, this.height - MARGIN / 2, { size: 8, grey: 0.35 });
  }

  /** Room for `height` more points on this page, else a new page (true when one was begun). */
  need(height: number): boolean {
    if (this.y + height <= this.height - MARGIN) return false;
    this.next();
    return true;
  }
}

/**
 * Splits `text` at spaces into lines no wider than `width` (a longer word
 * keeps a line of its own). Leading spaces stay on the first line: the HMIS
 * report indents its "of which" rows with them.
 */
function wrap(pdf: PdfDocument, text: string, width: number, size: number): string[] {
  const indent = /^ */.exec(text)![0];
  const lines: string[] = [];
  let current = indent;
  for (const word of text.slice(indent.length).split(' ')) {
    const candidate = current.trim() ? `${current} ${word}` : `${current}${word}`;
    if (current.trim() && pdf.measure(candidate, size) * BOLD_SLACK > width) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  lines.push(current);
  return lines;
}

const longestWord = (pdf: PdfDocument, text: string, size: number) =>
  Math.max(0, ...text.split(' ').map((w) => pdf.measure(w, size) * BOLD_SLACK));

interface TableLayout {
  size: number;
  widths: number[];
  cells: string[][];
}

interface TableMeasure {
  /** Each column's narrowest width at the body size, the first (names) at least 60 points. */
  widths: number[];
  /** The narrowest the table can be without cutting anything. */
  need: number;
  cells: string[][];
}

function measureTable(pdf: PdfDocument, table: Table): TableMeasure {
  const cells = table.rows.map((row) => row.map((v, i) => cellText(table, i, v, true)));
  const widths = table.columns.map((heading, i) => {
    // Figures never wrap; headings and the first column's names wrap at spaces.
    const body = cells.map((row) => (i === 0 ? longestWord(pdf, row[0]!, BODY) : pdf.measure(row[i]!, BODY)));
    return Math.max(i === 0 ? 60 : 0, longestWord(pdf, heading, BODY), ...body) + 2 * PAD_X;
  });
  return { widths, need: widths.reduce((a, b) => a + b, 0), cells };
}

/** The first column takes what the figures leave; past `available`, everything shrinks alike. */
function layoutTable(pdf: PdfDocument, table: Table, available: number): TableLayout {
  const m = measureTable(pdf, table);
  const scale = Math.min(1, available / m.need);
  const others = m.widths.slice(1).map((w) => w * scale);
  return { size: BODY * scale, widths: [available - others.reduce((a, b) => a + b, 0), ...others], cells: m.cells };
}

function drawChart(flow: Flow, table: Table, column: number): void {
  const values = table.rows.map((r) => (typeof r[column] === 'number' ? r[column] : 0));
  if (values.length < 2) return;
  const height = 110;
  flow.need(height + 20);
  const { page } = flow;
  const width = flow.contentWidth;
  const max = Math.max(1, ...values);
  const bar = width / values.length;
  page.strokeRect(MARGIN, flow.y, width, height, 0.5, 0.6);
  values.forEach((v, i) => {
    const h = (v / max) * (height - 14);
    page.rect(MARGIN + i * bar + bar * 0.15, flow.y + height - h, Math.max(0.5, bar * 0.7), h, [0.18, 0.44, 0.62]);
  });
  page.text(cellText(table, column, max, true), MARGIN + 2, flow.y + 9, { size: 7 });
  const first = String(table.rows[0]![0]);
  const last = String(table.rows.at(-1)![0]);
  page.text(first, MARGIN, flow.y + height + 9, { size: 7 });
  page.text(last, MARGIN + width - page.measure(last, 7), flow.y + height + 9, { size: 7 });
  flow.y += height + 18;
}

function drawTable(pdf: PdfDocument, flow: Flow, table: Table): void {
  const layout = layoutTable(pdf, table, flow.contentWidth);
  const { size, widths } = layout;
  const lineHeight = size * LEADING;
  flow.need(lineHeight * 4 + 18);
  flow.page.text(table.title, MARGIN, flow.y + 11, { size: 11, bold: true });
  flow.y += 18;
  if (table.chart) drawChart(flow, table, table.chart.valueColumn);

  // Headings and the first column wrap; figures stay on one line.
  const linesOf = (cells: string[], bold: boolean) =>
    cells.map((text, i) => (i === 0 || bold ? wrap(pdf, text, widths[i]! - 2 * PAD_X, size) : [text]));
  const heightOf = (lines: string[][]) => Math.max(...lines.map((l) => l.length)) * lineHeight + 2 * PAD_Y;
  const draw = (cells: string[], bold: boolean) => {
    const lines = linesOf(cells, bold);
    const height = heightOf(lines);
    let x = MARGIN;
    lines.forEach((cellLines, i) => {
      cellLines.forEach((text, k) => {
        const baseline = flow.y + PAD_Y + size + k * lineHeight;
        const left = i === 0 ? x + PAD_X : x + widths[i]! - PAD_X - pdf.measure(text, size) * (bold ? BOLD_SLACK : 1);
        flow.page.text(text, left, baseline, { size, bold });
      });
      x += widths[i]!;
    });
    flow.y += height;
    flow.page.line(MARGIN, flow.y, MARGIN + flow.contentWidth, flow.y, 0.4, 0.8);
  };

  draw(table.columns, true);
  for (const cells of layout.cells) {
    // A table that runs onto the next page repeats its headings there.
    if (flow.need(heightOf(linesOf(cells, false)))) draw(table.columns, true);
    draw(cells, false);
  }
  flow.y += 12;
}

export async function reportPdf(doc: ReportDocument): Promise<Buffer> {
  const pdf = new PdfDocument(await reportShaper(), { title: doc.title, creator: 'HIMS Counter' });
  const portrait = A4.short - 2 * MARGIN;
  const landscape = doc.tables.some((t) => measureTable(pdf, t).need > portrait);
  const flow = landscape ? new Flow(pdf, A4.long, A4.short, doc.title) : new Flow(pdf, A4.short, A4.long, doc.title);
  flow.page.text(doc.title, MARGIN, flow.y + 16, { size: 16, bold: true });
  flow.y += 26;
  for (const line of doc.lines) {
    for (const part of wrap(pdf, line, flow.contentWidth, 9)) {
      flow.need(13);
      flow.page.text(part, MARGIN, flow.y + 9, { size: 9 });
      flow.y += 13;
    }
  }
  flow.y += 8;
  for (const table of doc.tables) drawTable(pdf, flow, table);
  return pdf.toBuffer();
}
