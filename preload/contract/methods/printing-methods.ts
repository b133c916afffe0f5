// printers.* and print.* — token slips on thermal printers (docs/design.md §5):
// printer settings, the persistent print queue, reprints and the slip preview.
import { z } from 'zod';
import { Uuid, text } from '../fields';
import type { MethodSpec } from '../method-spec';

/**
 * Where the slip bytes go: `tcp://host:9100` (network ESC/POS), a device file
 * (`/dev/usb/lp0`, `/dev/ttyUSB0`), or `os:Printer Name` (the OS queue: CUPS
 * or Windows' spooler through Electron, for printers without ESC/POS).
 */
export const PrinterInterface = z
  .string()
  .trim()
  .max(200, { message: 'must be at most 200 characters' })
  .refine(
    (s) =>
      /^tcp:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(s) || /^\/dev\/[A-Za-z0-9/_.-]+$/.test(s) || /^os:[^\p{Cc}]{1,120}$/u.test(s),
    { message: 'must be tcp://host:port, a /dev/… device file, or os:<printer name>' },
  );

export const PaperWidth = z.union([z.literal(58), z.literal(80)]);
export type PaperWidth = z.infer<typeof PaperWidth>;

export const PrinterSettings = z
  .object({
    /** ESC/POS dialect: EPSON (most Indian thermal printers) or STAR. Ignored for os: printers. */
    type: z.enum(['epson', 'star']),
    paperWidth: PaperWidth,
    /** null: no printer at this counter (tokens are issued, nothing is queued). */
    interface: PrinterInterface.nullable(),
    /** Tried for the same job when the main printer fails. */
    fallbackInterface: PrinterInterface.nullable(),
    /** The code page sent with ESC t; only plain ASCII is sent as text, so this is about being explicit. */
    characterSet: z.enum(['PC437_USA', 'PC858_EURO', 'WPC1252']),
    /** Asked after sending: GS r 1 (answered in order, after the slip) or DLE EOT 4 (real time), or not at all. */
    statusQuery: z.enum(['gs_r', 'dle_eot', 'none']),
    /** The slip's last line, e.g. the hospital helpline. */
    footer: text(120).nullable(),
  })
  .strict();
export type PrinterSettings = z.infer<typeof PrinterSettings>;

const Align = z.enum(['left', 'center', 'right']);

/** One block of a slip: pure data, drawn the same by the encoder and the preview. */
export const SlipBlock = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('text'),
    text: z.string(),
    /** normal; tall = double height; large = double both; huge = 4× (the token label). */
    size: z.enum(['normal', 'tall', 'large', 'huge']),
    bold: z.boolean(),
    align: Align,
    /** White on black, for the DUPLICATE banner. */
    inverse: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('pair'), left: z.string(), right: z.string(), bold: z.boolean() }),
  z.object({ kind: z.literal('rule') }),
  z.object({
    kind: z.literal('qr'),
    data: z.string(),
    cellSize: z.number().int().min(1).max(8),
    /** Error correction; M when absent. The card slip picks it by payload size (main/printing/qr-fit.ts). */
    correction: z.enum(['L', 'M', 'Q', 'H']).optional(),
  }),
  z.object({ kind: z.literal('feed'), lines: z.number().int().min(1).max(10) }),
  z.object({ kind: z.literal('cut') }),
]);
export type SlipBlock = z.infer<typeof SlipBlock>;

export const SlipLayout = z.object({
  paperWidth: PaperWidth,
  /** Printer dots across (384 / 576) and text columns of font A (32 / 48). */
  dots: z.number().int(),
  columns: z.number().int(),
  duplicate: z.boolean(),
  blocks: z.array(SlipBlock),
});
export type SlipLayout = z.infer<typeof SlipLayout>;

export const PrintJobStatus = z.enum(['queued', 'sending', 'sent', 'failed']);

/** What a printer or the way to it did (main/printing/transports turn every failure into one of these). */
export const PrinterFaultCode = z.enum([
  'connection_refused',
  'connect_timeout',
  'write_timeout',
  'status_timeout',
  'disconnected',
  'paper_out',
  'device_error',
  'os_queue_failed',
  'cancelled',
]);
export type PrinterFaultCode = z.infer<typeof PrinterFaultCode>;

/** Why a job did not print: a printer fault, or one of the counter's own reasons. */
export const PrintErrorCode = z.enum([
  ...PrinterFaultCode.options,
  'no_printer', // nothing set up at this counter
  'stale', // not printed within the hour: the patient has moved on
  'interrupted', // the app stopped while the slip was being sent
  'render_failed', // the slip could not be drawn (font, image, layout)
  'internal_error', // something else in the counter failed while sending: a bug, see the log
]);
export type PrintErrorCode = z.infer<typeof PrintErrorCode>;

export const PrintJob = z.object({
  id: z.string(),
  seq: z.number().int(),
  /**
   * slip: a token's slip; test: a sample; notice: the kiosk's "go to the counter" slip; card: an e-health card;
   * receipt: a fee receipt or refund voucher; cash: a shift's closing; upi: a UPI payment request.
   */
  kind: z.enum(['slip', 'test', 'notice', 'card', 'receipt', 'cash', 'upi']),
  tokenId: z.string().nullable(),
  tokenLabel: z.string().nullable(),
  duplicate: z.boolean(),
  status: PrintJobStatus,
  attempts: z.number().int(),
  errorCode: PrintErrorCode.nullable(),
  errorMessage: z.string().nullable(),
  /** When the worker will try again by itself; null: only when asked. */
  retryAt: z.string().nullable(),
  /** The printer that printed the slip, or that failed last (the fallback, when it was tried). */
  printer: z.string().nullable(),
  bytes: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sentAt: z.string().nullable(),
});
export type PrintJob = z.infer<typeof PrintJob>;

export const PrintStatus = z.object({
  printerConfigured: z.boolean(),
  /** Jobs waiting or being sent. */
  pending: z.number().int(),
  /** The newest job, so the counter can show how the last slip went. */
  latest: PrintJob.nullable(),
  /** The newest failed job of today that nobody has retried, if any. */
  failed: PrintJob.nullable(),
});
export type PrintStatus = z.infer<typeof PrintStatus>;

/** Why the kiosk sends a patient to the counter (the kiosk screen's reasons). */
export const NoticeReason = z.enum(['unknown', 'refused', 'unverified', 'failed']);
export type NoticeReason = z.infer<typeof NoticeReason>;

/**
 * The id a notice slip may show: only what was scanned, an identifier shape
 * (UHID, ABHA number or address, a card id), never free text from the card.
 */
export const NoticeScannedId = z
  .string()
  .trim()
  .min(1)
  .max(64, { message: 'must be at most 64 characters' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9@._-]*$/, { message: 'must be an identifier (letters, digits, @ . _ -)' });

export const printingMethods = {
  'printers.getSettings': {
    summary: 'The slip printer of this counter: type, paper width, interface, fallback, footer.',
    input: z.object({}).strict(),
    output: PrinterSettings,
  },
  'printers.saveSettings': {
    summary: 'Save the slip printer settings (audited).',
    input: PrinterSettings,
    output: PrinterSettings,
  },
  'printers.testPrint': {
    summary: 'Queue a test slip (a sample patient in English and Hindi) on the saved printer.',
    input: z.object({}).strict(),
    output: PrintJob,
  },
  'print.preview': {
    summary: "A slip's layout as data, for a token or a sample; width and footer may be unsaved values.",
    input: z
      .object({
        tokenId: Uuid.optional(),
        paperWidth: PaperWidth.optional(),
        footer: text(120).nullable().optional(),
        duplicate: z.boolean().optional(),
      })
      .strict(),
    output: SlipLayout,
  },
  'print.reprint': {
    summary: "Print a token's slip again, marked DUPLICATE (audited).",
    input: z.object({ tokenId: Uuid }).strict(),
    output: PrintJob,
  },
  'print.notice': {
    summary: 'Queue the kiosk\'s "please go to the registration counter" slip (English and Hindi), with the scanned id if any.',
    input: z.object({ reason: NoticeReason, scannedId: NoticeScannedId.nullable().optional() }).strict(),
    output: PrintJob,
  },
  'print.retry': {
    summary: 'Send a failed job again now (a slip that never printed is not a duplicate).',
    input: z.object({ jobId: Uuid }).strict(),
    output: PrintJob,
  },
  'print.jobs': {
    summary: 'Print jobs, newest first, optionally only those of one token or one status.',
    input: z
      .object({
        tokenId: Uuid.optional(),
        status: PrintJobStatus.optional(),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict(),
    output: z.array(PrintJob),
  },
  'print.status': {
    summary: 'How printing is going: pending jobs, the latest job and an unresolved failure.',
    input: z.object({}).strict(),
    output: PrintStatus,
  },
} as const satisfies Record<string, MethodSpec>;
