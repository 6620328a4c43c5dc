/** The security suite's own instruments must catch what they are there to catch. */
import { SecretLedger } from './ledger.js';
import { forgedCommands, interpretWorkflowLog } from './workflow-log-model.js';

describe('the runner model', () => {
  test('a forged command at the start of a line is found; escaped data and fenced lines are not', () => {
    const log = interpretWorkflowLog(
      [
        '::error::bad input "x%0A::warning::EVIL"',
        '  ::warning::EVIL one',
        '::set-output name=EVIL::1',
        '::stop-commands::tok123',
        '::warning::EVIL fenced',
        '::tok123::',
        '::notice title=t::EVIL after the fence',
      ].join('\n'),
    );
    expect(forgedCommands(log, 'EVIL').map((c) => [c.name, c.line])).toEqual([
      ['warning', 2],
      ['set-output', 3],
      ['notice', 7],
    ]);
    expect(log.commands.find((c) => c.name === 'error')?.data).toBe('bad input "x\n::warning::EVIL"');
  });

  test('the legacy ##[command] form is read anywhere in a line, outside a fence', () => {
    const log = interpretWorkflowLog('key is x ##[set-output name=EVIL;]1\n::stop-commands::t\n##[warning]EVIL\n::t::');
    expect(forgedCommands(log, 'EVIL').map((c) => [c.name, c.line])).toEqual([['set-output', 1]]);
  });

  test('add-mask lines are consumed by the runner, other lines are visible', () => {
    const log = interpretWorkflowLog('::add-mask::s3cr3t-value\nhello\n::error::boom');
    expect(log.visible).toEqual(['hello', '::error::boom']);
  });

  test('inside a stop-commands fence an add-mask is only text: visible', () => {
    const log = interpretWorkflowLog('::stop-commands::t\n::add-mask::s3cr3t-value\n::t::');
    expect(log.visible).toEqual(['::stop-commands::t', '::add-mask::s3cr3t-value']);
  });
});

describe('the secret ledger', () => {
  const ledger = new SecretLedger();
  const secret = ledger.add('password', 'pa55w0rd/with+chars=');

  test.each([
    ['raw', `x ${secret} y`],
    ['url-encoded', `https://u:${encodeURIComponent(secret)}@h`],
    ['workflow-escaped', `::error::${secret}`],
    ['base64 (offset 0)', Buffer.from(secret).toString('base64')],
    ['base64 (offset 1)', Buffer.from(`AWS:${secret}`).toString('base64')],
    ['base64 (offset 2)', Buffer.from(`{"p":"${secret}"}`).toString('base64')],
  ])('finds it %s', (_form, text) => {
    expect(ledger.scan('out', text)).toHaveLength(1);
  });

  test('finds nothing in text without it', () => {
    expect(ledger.scan('out', 'pa55w0rd is not it, nor ***')).toEqual([]);
  });

  test('refuses values too short to scan for', () => {
    expect(() => ledger.add('short', 'test')).toThrow(/too short/);
  });
});
