// A report as an A4 PDF. Drawn with Skia's PDF backend (@napi-rs/canvas,
// already the slips' renderer): its text goes through HarfBuzz, so Hindi
// comes out right, and the bundled Lohit Devanagari font is embedded as a
// subset (real, selectable text). pdf-lib with @pdf-lib/fontkit was tried
// first: its Indic shaper needs a regeneratorRuntime global and misplaces the
// anusvara (विकलांग came out विंकलाग), so it is not used for reports.
import { PDFDocument, type CanvasRenderingContext2D as SKRSContext2D } from '@napi-rs/canvas';
import { ensureSlipFont, SLIP_FONT_FAMILY } from '../printing/text-raster';
import { cellText, type ReportDocument, type Table } from './report-tables';

const PAGE = { width: 595.28, height: 841.89 }; // A4 in points
const MARGIN = 40;
const ROW = 15;
const FONT = `"${SLIP_FONT_FAMILY}"`;

class Pages {
  private ctx: SKRSContext2D | null = null;
  y = 0;
  pageNo = 0;
  constructor(
    private readonly doc: PDFDocument,
    private readonly title: string,
  ) {}

  get c(): SKRSContext2D {
    if (!this.ctx) this.next();
    return this.ctx!;
  }

  next(): void {
    if (this.ctx) this.doc.endPage();
    this.ctx = this.doc.beginPage(PAGE.width, PAGE.height);
    this.pageNo++;
    this.y = MARGIN;
    this.ctx.fillStyle = '#555';
    this.ctx.font = `8px ${FONT}`;
    this.ctx.fillText(`${this.title} — ${this.pageNo}`, MARGIN, PAGE.height - MARGIN / 2);
    this.ctx.fillStyle = '#000';
  }

  /** Room for `height` more points on this page, else a new page. */
  need(height: number): void {
    if (this.y + height > PAGE.height - MARGIN) this.next();
  }

  end(): void {
    if (this.ctx) this.doc.endPage();
  }
}

function fit(c: SKRSContext2D, text: string, width: number): string {
  if (c.measureText(text).width <= width) return text;
  let t = text;
  while (t.length > 1 && c.measureText(`${t}…`).width > width) t = t.slice(0, -1);
  return `${t}…`;
}

function drawChart(p: Pages, table: Table, column: number): void {
  const values = table.rows.map((r) => (typeof r[column] === 'number' ? r[column] : 0));
  if (values.length < 2) return;
  const height = 110;
  p.need(height + 20);
  const c = p.c;
  const width = PAGE.width - 2 * MARGIN;
  const max = Math.max(1, ...values);
  const bar = width / values.length;
  c.strokeStyle = '#999';
  c.lineWidth = 0.5;
  c.strokeRect(MARGIN, p.y, width, height);
  c.fillStyle = '#2f6f9f';
  values.forEach((v, i) => {
    const h = (v / max) * (height - 14);
    c.fillRect(MARGIN + i * bar + bar * 0.15, p.y + height - h, Math.max(0.5, bar * 0.7), h);
  });
  c.fillStyle = '#000';
  c.font = `7px ${FONT}`;
  c.fillText(cellText(table, column, max, true), MARGIN + 2, p.y + 9);
  const first = String(table.rows[0]![0]);
  const last = String(table.rows.at(-1)![0]);
  c.fillText(first, MARGIN, p.y + height + 9);
  c.fillText(last, MARGIN + width - c.measureText(last).width, p.y + height + 9);
  p.y += height + 18;
}

function drawTable(p: Pages, table: Table): void {
  p.need(ROW * 3);
  const c = p.c;
  c.font = `bold 11px ${FONT}`;
  c.fillText(table.title, MARGIN, p.y + 11);
  p.y += 18;
  if (table.chart) drawChart(p, table, table.chart.valueColumn);
  const width = PAGE.width - 2 * MARGIN;
  const n = table.columns.length;
  // The first column (a name) gets what the others leave.
  const other = Math.min(62, (width * 0.6) / Math.max(1, n - 1));
  const firstWidth = width - other * (n - 1);
  const xs = [MARGIN, ...Array.from({ length: n - 1 }, (_, i) => MARGIN + firstWidth + i * other)];
  const widths = [firstWidth, ...Array<number>(n - 1).fill(other)];

  const line = (cells: string[], bold: boolean) => {
    p.need(ROW);
    const ctx = p.c;
    ctx.font = `${bold ? 'bold ' : ''}8.5px ${FONT}`;
    cells.forEach((text, i) => {
      const shown = fit(ctx, text, widths[i]! - 4);
      const x = i === 0 ? xs[i]! + 2 : xs[i]! + widths[i]! - 2 - ctx.measureText(shown).width;
      ctx.fillText(shown, x, p.y + 10.5);
    });
    ctx.strokeStyle = '#ccc';
    ctx.lineWidth = 0.4;
    ctx.beginPath();
    ctx.moveTo(MARGIN, p.y + ROW);
    ctx.lineTo(MARGIN + width, p.y + ROW);
    ctx.stroke();
    p.y += ROW;
  };
  line(table.columns, true);
  for (const row of table.rows)
    line(
      row.map((v, i) => cellText(table, i, v, true)),
      false,
    );
  p.y += 12;
}

export function reportPdf(doc: ReportDocument): Buffer {
  ensureSlipFont();
  const pdf = new PDFDocument({ title: doc.title, creator: 'HIMS Counter', producer: 'HIMS Counter' });
  const p = new Pages(pdf, doc.title);
  const c = p.c;
  c.font = `bold 16px ${FONT}`;
  c.fillText(doc.title, MARGIN, p.y + 16);
  p.y += 26;
  c.font = `9px ${FONT}`;
  for (const line of doc.lines) {
    c.fillText(line, MARGIN, p.y + 9);
    p.y += 13;
  }
  p.y += 8;
  for (const table of doc.tables) drawTable(p, table);
  p.end();
  return pdf.close();
}
