import { useId, useState, type DragEvent } from 'react';
import { useT } from '../../i18n/intl.js';

/** A file field that also takes a file dropped on it; the input stays the keyboard's way in. */
export function DropZone({ file, onFile }: { file: File | null; onFile: (file: File | null) => void }) {
  const t = useT();
  const id = useId();
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const dropped = e.dataTransfer.files[0];
    if (dropped) onFile(dropped);
  };
  return (
    <div
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid="drop-zone"
      className={`rounded-md border-2 border-dashed p-4 text-sm ${over ? 'border-brand bg-slate-100' : 'border-slate-300 bg-white'}`}
    >
      <label htmlFor={id} className="block font-medium text-slate-800">
        {t('documents.file')}
      </label>
      <p className="text-slate-600">{file ? t('documents.file.chosen', { name: file.name }) : t('documents.file.hint')}</p>
      <input id={id} type="file" className="mt-2 block text-sm" onChange={(e) => onFile(e.target.files?.[0] ?? null)} />
    </div>
  );
}
