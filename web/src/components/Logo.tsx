import { useT } from '../i18n/index.ts';

/** The product mark: a call's waveform inside the accent tile. Decorative wherever the name is also shown. */
export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg
      className="logo-mark"
      width={size}
      height={size}
      viewBox="0 0 32 32"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="32" height="32" rx="8" fill="currentColor" />
      <path
        d="M6.5 16.5h3.2l2.6-6.5 4.2 13 3.4-9.5 2 3h3.6"
        fill="none"
        stroke="#fff"
        strokeWidth="2.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function Brand({ size = 28 }: { size?: number }) {
  const t = useT();
  return (
    <span className="brand">
      <LogoMark size={size} />
      <span className="brand-name">{t('app.name')}</span>
    </span>
  );
}
