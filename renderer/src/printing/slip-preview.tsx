// The slip drawn from the same layout data the printer gets (print.preview):
// text at its printed size in printer columns, the QR from its payload.
import QRCode from 'qrcode';
import { useMemo } from 'react';
import type { SlipBlock, SlipLayout } from '../../../preload/contract/methods/printing-methods';

const SCALE = { normal: 1, tall: 1, large: 2, huge: 4 } as const;
const HEIGHT = { normal: 1, tall: 2, large: 2, huge: 4 } as const;

function QrSvg({ data, cellSize }: { data: string; cellSize: number }) {
  const modules = useMemo(() => QRCode.create(data, { errorCorrectionLevel: 'M' }).modules, [data]);
  const cells: string[] = [];
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) cells.push(`M${c} ${r}h1v1h-1z`);
  const side = (modules.size * cellSize) / 2;
  return (
    <svg
      className="slip-qr"
      data-testid="slip-preview-qr"
      data-payload={data}
      viewBox={`-2 -2 ${modules.size + 4} ${modules.size + 4}`}
      width={side}
      height={side}
      role="img"
      aria-label="QR"
    >
      <path d={cells.join('')} />
    </svg>
  );
}

function Block({ block, columns }: { block: SlipBlock; columns: number }) {
  switch (block.kind) {
    case 'text':
      return (
        <div
          className={`slip-text size-${block.size}${block.bold ? ' bold' : ''}${block.inverse ? ' inverse' : ''}`}
          style={{
            textAlign: block.align,
            fontSize: `${SCALE[block.size]}em`,
            lineHeight: HEIGHT[block.size] === SCALE[block.size] ? 1.15 : 2,
          }}
          data-testid="slip-preview-text"
        >
          {block.inverse ? <span>{block.text}</span> : block.text}
        </div>
      );
    case 'pair':
      return (
        <div className={`slip-pair${block.bold ? ' bold' : ''}`} data-testid="slip-preview-text">
          <span>{block.left}</span>
          <span>{block.right}</span>
        </div>
      );
    case 'rule':
      return <div className="slip-rule">{'-'.repeat(columns)}</div>;
    case 'qr':
      return (
        <div className="slip-center">
          <QrSvg data={block.data} cellSize={block.cellSize} />
        </div>
      );
    case 'feed':
      return <div style={{ height: `${block.lines * 1.15}em` }} />;
    case 'cut':
      return <div className="slip-cut" aria-hidden="true" />;
  }
}

export function SlipPreview({ layout }: { layout: SlipLayout }) {
  // One printer column of font A is 12 of the paper's dots; shown at half a CSS pixel per dot.
  const widthPx = layout.dots / 2;
  return (
    <div
      className="slip-preview"
      data-testid="slip-preview"
      data-paper-width={layout.paperWidth}
      style={{ width: widthPx, fontSize: (widthPx / layout.columns) * 1.65 }}
    >
      {layout.blocks.map((block, i) => (
        <Block key={i} block={block} columns={layout.columns} />
      ))}
    </div>
  );
}
