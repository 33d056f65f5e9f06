import type { Executor } from '../shared/index.ts';
import { departmentKinds } from './dispatch-sources.repository.ts';
import { receiversOf } from './dispatch.repository.ts';
import {
  loadEntrySource,
  loadRecordSource,
  type EntrySource,
  type EventInfo,
  type RecordSource,
} from './dispatch.snapshots.ts';

/** Entry events that change what implementing departments must apply or know. */
export const ENTRY_EVENTS = new Set([
  'entry.published',
  'entry.corrected',
  'entry.ended',
  'entry.measures_lifted',
  'entry.measures_restored',
  'entry.objection_opened',
  'entry.objection_closed',
]);
/** Record events that change what departments in the sharing scope know. */
export const RECORD_EVENTS = new Set([
  'record.created',
  'record.confirmed',
  'record.corrected',
  'record.ended',
  'record.restored',
  'record.objection_opened',
  'record.objection_closed',
  'record.disclosure_changed',
]);
/** Feedback is asked for when measures start to apply or change; the other items inform. */
export const FEEDBACK_EVENTS = new Set(['entry.published', 'entry.corrected']);

export interface LogEvent extends EventInfo {
  stream: string;
  stream_id: string;
}

export interface PlannedItem {
  departmentId: string;
  change: Record<string, unknown>;
  feedbackRequired: boolean;
}

/** Whether the dispatcher turns this event into items at all. */
export function isDispatched(e: { stream: string; type: string; payload: Record<string, unknown> }): boolean {
  if (e.stream === 'entry') {
    if (!ENTRY_EVENTS.has(e.type)) return false;
    // An entry ended before it took effect was never dispatched: nobody has anything to stop applying.
    return e.type !== 'entry.ended' || e.payload.previousState === 'in_effect';
  }
  if (e.stream !== 'record' || !RECORD_EVENTS.has(e.type)) return false;
  // Likewise a proposed record that ended unconfirmed was never shared.
  return e.type !== 'record.ended' || e.payload.previousState !== 'proposed';
}

/**
 * Decides, for one page of the event log, who receives each change. Rows and earlier receivers are read once per
 * stream and page; receivers added in this page count as earlier receivers for the page's later events, so an
 * ending dispatched in the same page as the publication still reaches everyone.
 */
export class DispatchPlanner {
  private sources = new Map<string, Promise<EntrySource | RecordSource | null>>();
  private receivers = new Map<string, Promise<Set<string>>>();
  private departments: Promise<{ id: string; code: string; kind: string }[]> | null = null;

  constructor(private readonly db: Executor) {}

  async plan(e: LogEvent): Promise<PlannedItem[]> {
    if (!isDispatched(e)) return [];
    const source = await this.source(e.stream, e.stream_id);
    if (!source) return [];
    const earlier = await this.earlierReceivers(e.stream, e.stream_id);
    const receivers = new Set(earlier);
    let own: string;
    if (source.stream === 'entry') {
      own = source.initiatingDepartmentId;
      for (const d of source.implementers) receivers.add(d);
    } else {
      own = source.decidingDepartmentId;
      for (const d of await this.sharingScope(source.sharing)) receivers.add(d);
    }
    receivers.delete(own);
    const items: PlannedItem[] = [];
    for (const departmentId of [...receivers].sort()) {
      earlier.add(departmentId);
      const change = source.change(departmentId, e);
      const implementsMeasures = source.stream === 'entry' && source.implementers.has(departmentId);
      items.push({ departmentId, change, feedbackRequired: FEEDBACK_EVENTS.has(e.type) && implementsMeasures });
    }
    return items;
  }

  private source(stream: string, id: string) {
    const key = `${stream}:${id}`;
    let s = this.sources.get(key);
    if (!s) {
      s = stream === 'entry' ? loadEntrySource(this.db, id) : loadRecordSource(this.db, id);
      this.sources.set(key, s);
    }
    return s;
  }

  private earlierReceivers(stream: string, id: string) {
    const key = `${stream}:${id}`;
    let r = this.receivers.get(key);
    if (!r) {
      r = receiversOf(this.db, stream, id).then((ids) => new Set(ids));
      this.receivers.set(key, r);
    }
    return r;
  }

  /** 'all': every department of kind 'department'; otherwise the listed department codes. */
  private async sharingScope(sharing: 'all' | string[]): Promise<string[]> {
    this.departments ??= departmentKinds(this.db);
    const all = await this.departments;
    return sharing === 'all'
      ? all.filter((d) => d.kind === 'department').map((d) => d.id)
      : all.filter((d) => sharing.includes(d.code)).map((d) => d.id);
  }
}
