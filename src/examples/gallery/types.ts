import type { ScenarioV1 } from '../../scenario/types.ts';

/** A text in the app's two languages. */
export interface LocalizedText {
  en: string;
  zh: string;
}

/** The kernel's rp_filter value a gallery scenario was recorded with (all, default, lo, every interface). */
export type RpFilter = 0 | 1 | 2;

/**
 * One ready scenario of the gallery: an experiment of the article, as the real kernel ran it,
 * or an LVS setup (format version 2), whose point lvs.test.ts checks on the engine's output.
 */
export interface GalleryEntry {
  /** Stable id, usable in URLs ("arp-flux"). */
  id: string;
  /** Name of the kernel recording it reproduces (test/oracle/results/<oracle>.json); none for the LVS entries. */
  oracle?: string;
  /** Which run of that recording: the scenario sets this rp_filter on every host. */
  rpFilter?: RpFilter;
  title: LocalizedText;
  /** What you will see and why, as the kernel did it (2–4 sentences). */
  summary: LocalizedText;
  /** Sysctl names and topics, for filtering ("arp_ignore", "rp_filter", "lvs"). */
  tags: readonly string[];
  /** A scenario file with a layout: load it with loadScenario. */
  scenario: ScenarioV1;
  /**
   * Made by code (examples/dataCentre.ts), not stored: a topology too large for a share link
   * (opened from the gallery), whose bridges' fans of cables cross port labels wherever they go.
   */
  generated?: true;
}
