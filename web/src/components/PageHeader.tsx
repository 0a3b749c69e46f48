import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Skeleton } from './states.tsx';

export interface PageHeaderProps {
  title: ReactNode;
  /** A line under the title; when there is none yet, `subtitleSkeleton` (its width) holds its place. */
  subtitle?: ReactNode;
  subtitleSkeleton?: number;
  /** A link back to where the page was opened from, above the title. */
  back?: { to: string; label: string };
  /** Controls of the page's view (a period, a department), in a `filters` row. */
  filters?: ReactNode;
  /** Anything else on the header's right: a button, a status, figures. */
  actions?: ReactNode;
}

/** The title row every page starts with. */
export function PageHeader({ title, subtitle, subtitleSkeleton, back, filters, actions }: PageHeaderProps) {
  return (
    <div className="page-header">
      <div>
        {back && (
          <Link className="back-link" to={back.to}>
            {back.label}
          </Link>
        )}
        <h1 className="page-title">{title}</h1>
        {subtitle ? (
          <p className="page-subtitle">{subtitle}</p>
        ) : (
          subtitleSkeleton !== undefined && (
            <Skeleton width={subtitleSkeleton} height={14} style={{ marginTop: 8 }} />
          )
        )}
      </div>
      {filters && <div className="filters">{filters}</div>}
      {actions}
    </div>
  );
}
