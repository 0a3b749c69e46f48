import type { ReactNode } from 'react';

/** Line icons drawn on a 20×20 grid; they inherit the text colour and are hidden from assistive tech. */
export function Icon({ children, size = 20 }: { children: ReactNode; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export function DashboardIcon() {
  return (
    <Icon>
      <rect x="3" y="3" width="6" height="8" rx="1.5" />
      <rect x="11" y="3" width="6" height="5" rx="1.5" />
      <rect x="3" y="13" width="6" height="4" rx="1.5" />
      <rect x="11" y="10" width="6" height="7" rx="1.5" />
    </Icon>
  );
}

export function ImportsIcon() {
  return (
    <Icon>
      <path d="M10 3v9" />
      <path d="M6.5 8.5 10 12l3.5-3.5" />
      <path d="M4 13v2.5A1.5 1.5 0 0 0 5.5 17h9a1.5 1.5 0 0 0 1.5-1.5V13" />
    </Icon>
  );
}

export function SignOutIcon() {
  return (
    <Icon size={18}>
      <path d="M8 4H5a1.5 1.5 0 0 0-1.5 1.5v9A1.5 1.5 0 0 0 5 16h3" />
      <path d="M12.5 13.5 16 10l-3.5-3.5M16 10H8" />
    </Icon>
  );
}

export function AlertIcon() {
  return (
    <Icon size={18}>
      <circle cx="10" cy="10" r="7" />
      <path d="M10 6.5v4M10 13.5v.01" />
    </Icon>
  );
}

export function EmptyIcon() {
  return (
    <Icon size={22}>
      <path d="M3 12.5 5.5 5h9l2.5 7.5" />
      <path d="M3 12.5V15a1.5 1.5 0 0 0 1.5 1.5h11A1.5 1.5 0 0 0 17 15v-2.5h-4a3 3 0 0 1-6 0H3Z" />
    </Icon>
  );
}

export function SortIcon({ direction }: { direction: 'ascending' | 'descending' | null }) {
  return (
    <svg
      className="sort-icon"
      width="10"
      height="14"
      viewBox="0 0 10 14"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M5 1.5 8.5 5.5h-7Z" fill="currentColor" opacity={direction === 'ascending' ? 1 : 0.28} />
      <path d="M5 12.5 1.5 8.5h7Z" fill="currentColor" opacity={direction === 'descending' ? 1 : 0.28} />
    </svg>
  );
}

export function PayrollIcon() {
  return (
    <Icon>
      <rect x="2.5" y="5" width="15" height="10" rx="1.5" />
      <circle cx="10" cy="10" r="2.2" />
      <path d="M5.5 8v4M14.5 8v4" />
    </Icon>
  );
}

export function RulesIcon() {
  return (
    <Icon>
      <path d="M4 5h12M4 10h12M4 15h12" />
      <circle cx="7" cy="5" r="1.6" fill="var(--surface)" />
      <circle cx="13" cy="10" r="1.6" fill="var(--surface)" />
      <circle cx="9" cy="15" r="1.6" fill="var(--surface)" />
    </Icon>
  );
}

export function ClaimsIcon() {
  return (
    <Icon>
      <path d="M4 3.5h9l3 3v10H4z" />
      <path d="M7 9h6M7 12h4" />
    </Icon>
  );
}

export function PlansIcon() {
  return (
    <Icon>
      <circle cx="10" cy="10" r="6.5" />
      <circle cx="10" cy="10" r="3" />
      <path d="M10 10 16 4" />
    </Icon>
  );
}

export function UsersIcon() {
  return (
    <Icon>
      <circle cx="8" cy="7" r="3" />
      <path d="M2.5 16.5c.6-3 2.8-4.5 5.5-4.5s4.9 1.5 5.5 4.5" />
      <path d="M13 4.3a3 3 0 0 1 0 5.4M15 12.3c1.3.7 2.2 2 2.5 4.2" />
    </Icon>
  );
}

export function SettingsIcon() {
  return (
    <Icon>
      <path d="M4 5.5h12M4 10h12M4 14.5h12" />
      <circle cx="7" cy="5.5" r="1.8" />
      <circle cx="13" cy="10" r="1.8" />
      <circle cx="9" cy="14.5" r="1.8" />
    </Icon>
  );
}

/** A microphone beside lines of text: speech to text. */
export function TranscribeIcon() {
  return (
    <Icon>
      <rect x="3" y="3" width="5" height="8" rx="2.5" />
      <path d="M1.8 9.5a3.7 3.7 0 0 0 7.4 0M5.5 13.2V16" />
      <path d="M11 6h6M11 10h6M11 14h4" />
    </Icon>
  );
}
