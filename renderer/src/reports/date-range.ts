// Date ranges for the reports screen: presets counted back from the counter's
// own "today" (counter.info), never the browser's clock or time zone.

/** 'YYYY-MM-DD' plus n days (n may be negative), across month and year ends. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The HMIS report's months to choose from: this one and the 35 before it, newest first (YYYY-MM). */
export function monthsUpTo(today: string, count = 36): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 - i, 1));
    return d.toISOString().slice(0, 7);
  });
}

export type Preset = 'today' | 'last7' | 'thisMonth' | 'last90';
export const PRESETS: readonly Preset[] = ['today', 'last7', 'thisMonth', 'last90'];

export function presetRange(preset: Preset, today: string): { from: string; to: string } {
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'last7':
      return { from: addDays(today, -6), to: today };
    case 'thisMonth':
      return { from: `${today.slice(0, 8)}01`, to: today };
    case 'last90':
      return { from: addDays(today, -89), to: today };
  }
}

/** A file the core made (base64) as something the browser can save. */
export function fileUrl(base64: string, mimeType: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: mimeType }));
}
