'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useApiForm } from './use-api-form';

/**
 * A form whose success is shown in place ("saved", "moved"): `done` turns false when it is sent again and true on
 * success, after which the page's server data is refreshed unless `refresh` is false.
 */
export function useDoneForm(opts: { url: string; method?: string; locale: string; refresh?: boolean }) {
  const router = useRouter();
  const [done, setDone] = useState(false);
  const { state, submit } = useApiForm({
    url: opts.url,
    method: opts.method,
    locale: opts.locale,
    onSuccess: () => {
      setDone(true);
      if (opts.refresh !== false) router.refresh();
    },
  });
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    setDone(false);
    void submit(event);
  };
  return { state, done, onSubmit };
}
