import { useEffect } from 'react';
import { siteName } from '@/lib/site.ts';

/** The page's one h1, and the window title "<page> - <site name>". */
export function PageHeading({ title, lead }: { title: string; lead?: string }) {
  useEffect(() => {
    document.title = `${title} - ${siteName()}`;
  }, [title]);
  return (
    <>
      <h1>{title}</h1>
      {lead ? <p className="page-lead">{lead}</p> : null}
    </>
  );
}
