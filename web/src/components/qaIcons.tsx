import { Icon } from './icons.tsx';

/** Icons of the QA monitoring screens, on the same 20×20 grid as icons.tsx. */

export function QueueIcon() {
  return (
    <Icon>
      <path d="M4 5h12" />
      <path d="M4 10h12" />
      <path d="M4 15h7" />
      <path d="m14 13 2 2-2 2" />
    </Icon>
  );
}

export function WorklistIcon() {
  return (
    <Icon>
      <rect x="4" y="3" width="12" height="14" rx="2" />
      <path d="m7 8 1.5 1.5L11 7" />
      <path d="M7 13h6" />
    </Icon>
  );
}

export function FormsIcon() {
  return (
    <Icon>
      <path d="M6 3h6l3 3v10.5A1.5 1.5 0 0 1 13.5 18h-7A1.5 1.5 0 0 1 5 16.5v-12A1.5 1.5 0 0 1 6.5 3Z" />
      <path d="M8 9h5" />
      <path d="M8 12h5" />
      <path d="M8 15h3" />
    </Icon>
  );
}

export function DisputesIcon() {
  return (
    <Icon>
      <path d="M4 5.5A1.5 1.5 0 0 1 5.5 4h9A1.5 1.5 0 0 1 16 5.5v6a1.5 1.5 0 0 1-1.5 1.5H9l-3.5 3v-3h0A1.5 1.5 0 0 1 4 11.5Z" />
      <path d="M10 7v2.5" />
      <path d="M10 11.5h.01" />
    </Icon>
  );
}

export function CalibrationIcon() {
  return (
    <Icon>
      <circle cx="10" cy="10" r="6.5" />
      <circle cx="10" cy="10" r="3" />
      <path d="M10 2v2" />
      <path d="M10 16v2" />
      <path d="M2 10h2" />
      <path d="M16 10h2" />
    </Icon>
  );
}

export function EvaluationsIcon() {
  return (
    <Icon>
      <path d="m10 3 2.1 4.3 4.7.7-3.4 3.3.8 4.7L10 13.8 5.8 16l.8-4.7L3.2 8l4.7-.7Z" />
    </Icon>
  );
}

/** AutoQA's accuracy: a target hit, the machine's answers against people's. */
export function AccuracyIcon() {
  return (
    <Icon>
      <circle cx="10" cy="10" r="6.5" />
      <circle cx="10" cy="10" r="3" />
      <path d="m14.5 5.5 2-2" />
      <path d="M10 10l4.5-4.5" />
    </Icon>
  );
}

/** Coaching: two people talking, one speech bubble. */
export function CoachingIcon() {
  return (
    <Icon>
      <circle cx="6.5" cy="7" r="2.5" />
      <path d="M2.5 16.5c0-2.5 1.8-4 4-4s4 1.5 4 4" />
      <path d="M11 3.5h6.5v5H14l-2 2v-2h-1z" />
    </Icon>
  );
}
