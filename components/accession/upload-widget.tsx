'use client';
import { useRouter } from 'next/navigation';
import { useId, useRef, useState } from 'react';

type Labels = {
  file: string;
  kind: string;
  kinds?: Record<'DECISION' | 'ANNEX', string>;
  upload: string;
  uploading: string;
  uploaded: string;
  aborted: string;
};

/**
 * Uploads one file as the raw request body (XMLHttpRequest, for its upload
 * progress events) and shows a progress bar; the server answers with a
 * translated reason when it refuses the file.
 */
export function UploadWidget({ endpoint, locale, labels }: { endpoint: string; locale: string; labels: Labels }) {
  const router = useRouter();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<'DECISION' | 'ANNEX'>('DECISION');
  const [percent, setPercent] = useState<number | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  function upload(event: React.FormEvent) {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    setMessage(null);
    setPercent(0);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${endpoint}?${labels.kinds ? `kind=${kind}&` : ''}name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('x-locale', locale);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setPercent(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      setPercent(null);
      let body: { ok?: boolean; message?: string } | null = null;
      try {
        body = JSON.parse(xhr.responseText) as { ok?: boolean; message?: string };
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        setMessage({ ok: true, text: labels.uploaded });
        if (fileRef.current) fileRef.current.value = '';
        router.refresh();
      } else {
        setMessage({ ok: false, text: body?.message ?? `HTTP ${xhr.status}` });
      }
    };
    xhr.onerror = () => {
      setPercent(null);
      setMessage({ ok: false, text: labels.aborted });
    };
    xhr.send(file);
  }

  return (
    <form onSubmit={upload} className="space-y-3" data-testid="upload-form">
      {labels.kinds ? (
        <div className="space-y-1">
          <label htmlFor={`${id}-kind`} className="block font-medium">
            {labels.kind}
          </label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(e) => setKind(e.target.value as 'DECISION' | 'ANNEX')}
            className="rounded border border-gray-500 px-3 py-2"
          >
            <option value="DECISION">{labels.kinds.DECISION}</option>
            <option value="ANNEX">{labels.kinds.ANNEX}</option>
          </select>
        </div>
      ) : null}
      <div className="space-y-1">
        <label htmlFor={`${id}-file`} className="block font-medium">
          {labels.file}
        </label>
        <input
          ref={fileRef}
          id={`${id}-file`}
          type="file"
          accept=".pdf,.edoc,.asice,.bdoc,application/pdf,application/vnd.etsi.asic-e+zip"
          required
          className="block"
        />
      </div>
      <button type="submit" disabled={percent !== null} className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-70">
        {labels.upload}
      </button>
      {percent !== null ? (
        <div data-testid="upload-progress">
          <label htmlFor={`${id}-progress`} className="block text-sm">
            {labels.uploading.replace('{percent}', String(percent))}
          </label>
          <progress id={`${id}-progress`} max={100} value={percent} className="w-full max-w-md" />
        </div>
      ) : null}
      <div role="status" aria-live="polite">
        {message ? (
          <p className={message.ok ? 'text-ok' : 'font-medium text-bad'} data-testid={message.ok ? 'upload-ok' : 'upload-error'}>
            {message.text}
          </p>
        ) : null}
      </div>
    </form>
  );
}
