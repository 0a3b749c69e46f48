import type { PbxCallId } from '../schemas/calls.ts';

/** A PBX source's name: it starts every call id of that PBX, so it is kept short and plain. */
export const PBX_SOURCE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;

/** An Asterisk uniqueid (or linkedid): the channel's creation time and a sequence, `1791180670.2`. */
const UNIQUEID = /^\d+\.\d+$/;

export type { PbxCallId };

/**
 * A call id read as the telephony importer writes it: `NAME:uniqueid` for a named PBX, the
 * uniqueid alone for the one PBX. `known`: the call is known to come from a PBX (its records are
 * in the PBX tables), so any id is read; otherwise only one whose PBX part looks like a uniqueid,
 * so an id from another system that holds a colon is not taken for one.
 */
export function pbxCallId(callId: string, known = false): PbxCallId | null {
  const colon = callId.indexOf(':');
  const source = colon > 0 ? callId.slice(0, colon) : null;
  const named = source !== null && PBX_SOURCE.test(source);
  const uniqueId = named ? callId.slice(colon + 1) : callId;
  if (!known && !UNIQUEID.test(uniqueId)) return null;
  return { source: named ? source : null, uniqueId };
}
