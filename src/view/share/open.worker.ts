/**
 * Opens a scenario off the page's thread (openOffThread.ts): base64, inflate, JSON,
 * validation and the engine input of a heavy link (128 hosts, 1,000 actions), of a large file
 * or of the Gallery's generated data centre (1,001 hosts, made here too) take up to a few
 * hundred milliseconds of cold code, which would otherwise be one long task on the page
 * (issue 11: "opening any link, embedded or not, never blocks the page"). The answer is plain data.
 */
import { galleryEntry } from '../../examples/gallery/index.ts';
import { openScenarioFile } from '../../scenario/codec/file.ts';
import { openShareLink } from '../../scenario/codec/url.ts';
import { issue } from '../../scenario/issues.ts';
import { loadScenario } from '../../scenario/load.ts';
import type { OpenAnswer, OpenRequest } from './openOffThread.ts';

function answer(req: OpenRequest): OpenAnswer<OpenRequest> {
  switch (req.kind) {
    case 'link':
      return openShareLink(req.hash);
    case 'file':
      return openScenarioFile(req.text);
    case 'gallery': {
      const entry = galleryEntry(req.id);
      return entry ? loadScenario(entry.scenario) : { ok: false, issues: [issue([], 'invalid', `the Gallery has no entry "${req.id}"`)] };
    }
  }
}

self.onmessage = (ev: MessageEvent<OpenRequest>) => {
  (self as unknown as { postMessage(m: unknown): void }).postMessage(answer(ev.data));
};
