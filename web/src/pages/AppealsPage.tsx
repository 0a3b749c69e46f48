import DisputesPage from './DisputesPage.tsx';

/** Appeals (a head): disputes a QA lead upheld that the operator took further, for the head to decide. */
export default function AppealsPage() {
  return <DisputesPage appeals />;
}
