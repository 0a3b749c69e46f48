import { z } from 'zod';
import { period } from './period.ts';

/**
 * Grading the graders (docs/qa-program.md): each QA monitor's own figures for a month, and the
 * disputes per monitor and per form question. A month is the calls' month, as for the evaluations.
 */

export const gradersQuery = z.object({ period });
export const disputesReportQuery = z.object({ period });

export interface GraderRow {
  monitor: string;
  displayName: string;
  /** His evaluations of calls of the month, submitted (in any state after it), calibration apart. */
  evaluations: number;
  /** Of those, the ones whose opening was recorded (made here, not imported). */
  timed: number;
  /** Median seconds from his first opening of an evaluation to its submission; null if none timed. */
  medianGradingSeconds: number | null;
  /** Mean signed deviation of his scores from the basis of the calibration sessions closed in the month. */
  strictness: number | null;
  calibrationSessions: number;
  /** Share of the questions where his answer equals the reference's, in sessions with a reference. */
  referenceAgreement: number | null;
  referenceQuestions: number;
  /** His evaluations the operator disputed (at least once), and their share of `evaluations`. */
  disputed: number;
  disputedShare: number | null;
  /** His evaluations whose score a dispute or an appeal revised, and their share. */
  revised: number;
  revisedShare: number | null;
  /** Questions compared with AutoQA on the calls it checked, and the share where he agreed with it. */
  autoqaCompared: number;
  autoqaAgreement: number | null;
}

export interface GradersResponse {
  period: string;
  monitors: GraderRow[];
}

export interface DisputesByMonitor {
  monitor: string;
  displayName: string;
  evaluations: number;
  disputed: number;
  /** Disputes a QA lead upheld that the operator took to a head. */
  appealed: number;
  revised: number;
  disputedShare: number | null;
  revisedShare: number | null;
}

export interface DisputesByQuestion {
  /** The form's name (its versions together) and the question's id in it. */
  formName: string;
  questionId: string;
  text: string;
  /** Disputes naming the question. */
  disputed: number;
  /** Revised evaluations whose answer to it the revision changed. */
  revised: number;
}

export interface DisputesReportResponse {
  period: string;
  byMonitor: DisputesByMonitor[];
  byQuestion: DisputesByQuestion[];
}
