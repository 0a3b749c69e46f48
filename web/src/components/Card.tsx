import type { ReactNode } from 'react';

/**
 * A titled card: a section labelled by its heading. With `meta` (even null) the title sits in a
 * heading block with the meta beside it; `actions` follow in the header.
 */
export function Card({
  id,
  title,
  meta,
  actions,
  children,
}: {
  id: string;
  title: ReactNode;
  meta?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const heading = (
    <h2 className="card-title" id={id}>
      {title}
    </h2>
  );
  return (
    <section className="card" aria-labelledby={id}>
      <header className="card-header">
        {meta === undefined ? (
          heading
        ) : (
          <div className="card-heading">
            {heading}
            {meta}
          </div>
        )}
        {actions}
      </header>
      {children}
    </section>
  );
}
