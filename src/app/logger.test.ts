import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { makeCitizenId } from '../test/entry-fixtures.ts';
import { createLogger } from './logger.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger('info', stream), text: () => lines.join('') };
}

test('an ID number inside a logged object, an error or a nested field, is masked like one in the message', () => {
  const citizenId = makeCitizenId();
  const { log, text } = capture();
  log.warn(
    {
      err: new Error(`duplicate key value (citizen_id)=(${citizenId})`),
      job: { lastError: `failed for ${citizenId}`, list: [citizenId] },
    },
    `about ${citizenId}`,
  );
  const out = text();
  assert.ok(!out.includes(citizenId), out);
  const masked = `${citizenId.slice(0, 4)}**********${citizenId.slice(-4)}`;
  assert.equal(
    out.split(masked).length - 1,
    5,
    'the message, the error (message and stack), the nested field and the list item',
  );
  assert.match(out, /"type":"Error"/, 'the error keeps its type');
});
