import { child, decodeXmlBytes, deepText, parseXml, XmlError } from '../../src/runner/reports/xml.js';

describe('parseXml', () => {
  test('elements, attributes, entities, CDATA, comments, PIs; names by local part', () => {
    const root = parseXml(
      [
        '<?xml version="1.0"?>',
        '<!-- c -->',
        '<r:root xmlns:r="urn:x" a="1 &amp; 2" b=\'&lt;&#65;&#x42;&gt;\'>',
        '  <?pi data?>',
        '  <item n="x&#10;y">text &quot;q&quot; &apos;s&apos;<![CDATA[<raw> & ]]]]></item>',
        '  <empty/>',
        '</r:root>',
      ].join('\n'),
    );
    expect(root.name).toBe('root');
    expect(root.attrs).toEqual({ 'xmlns:r': 'urn:x', a: '1 & 2', b: '<AB>' });
    const item = child(root, 'item');
    expect(item?.text).toBe(`text "q" 's'<raw> & ]]`);
    expect(item?.attrs.n).toBe('x\ny');
    expect(item?.line).toBe(5);
    expect(child(root, 'empty')?.children).toEqual([]);
    expect(deepText(root).replace(/\s+/g, ' ').trim()).toBe(`text "q" 's'<raw> & ]]`);
  });

  test('a DOCTYPE is skipped and its entities are never expanded (no billion laughs, no external files)', () => {
    const doc = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [',
      '  <!ENTITY lol "lol">',
      '  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">',
      '  <!ENTITY xxe SYSTEM "file:///etc/passwd">',
      '  <!-- a ] in a comment -->',
      ']>',
      '<lolz>&lol2; &xxe;</lolz>',
    ].join('\n');
    const root = parseXml(doc);
    expect(root.text).toBe('&lol2; &xxe;');
  });

  test('malformed documents throw XmlError with a line', () => {
    const bad: [string, RegExp][] = [
      ['<a><b></a>', /end tag <\/a> does not match <b>/],
      ['<a>', /unclosed element <a>/],
      ['<a></a><b/>', /more than one root element/],
      ['text', /text outside the root element/],
      ['', /no root element/],
      ['<a x=1/>', /not quoted/],
      ['<a x="1" x="2"/>', /duplicate attribute/],
      ['<a>\n<!-- never closed', /unterminated comment \(line 2\)/],
      ['<a><![CDATA[x</a>', /unterminated CDATA/],
      ['<1a/>', /invalid element name/],
      ['<a x="<"/>', /"<" in attribute/],
      [`${'<a>'.repeat(600)}`, /nested deeper than 512/],
    ];
    for (const [text, message] of bad) {
      expect(() => parseXml(text)).toThrow(XmlError);
      expect(() => parseXml(text)).toThrow(message);
    }
  });

  test('decodeXmlBytes honours BOMs and the declared encoding', () => {
    expect(decodeXmlBytes(Buffer.from('\ufeff<a>é</a>', 'utf8'))).toBe('<a>é</a>');
    expect(decodeXmlBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a>é</a>', 'utf16le')]))).toBe(
      '<a>é</a>',
    );
    const latin1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>\u00e9</a>', 'latin1');
    expect(parseXml(decodeXmlBytes(latin1)).text).toBe('é');
    expect(decodeXmlBytes(Buffer.from('<?xml version="1.0" encoding="bogus-enc"?><a/>'))).toContain('<a/>');
  });
});
