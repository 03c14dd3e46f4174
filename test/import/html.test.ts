import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToMarkdown } from '../../src/import/html.ts';

describe('htmlToMarkdown', () => {
  it('GIVEN <br>, <div> and <p> THEN they become line breaks, at most one blank line in a row', () => {
    expect(htmlToMarkdown('one<br>two<div>three</div><div><br></div><p>four</p>')).toBe(
      'one\ntwo\n\nthree\n\nfour',
    );
  });

  it('GIVEN lists THEN they become Markdown lists, numbered where ordered, nested ones indented', () => {
    expect(
      htmlToMarkdown('Parts:<ul><li>head</li><li>tail<ol><li>tip</li><li>base</li></ol></li></ul>'),
    ).toBe('Parts:\n\n- head\n- tail\n\n  1. tip\n  2. base');
  });

  it('GIVEN bold, italic and inline code THEN Markdown marks them; code keeps its text as it is', () => {
    expect(htmlToMarkdown('<b>bold</b> <i>it</i> <strong>s</strong> <em>e</em> <code>a &lt; b</code>')).toBe(
      '**bold** *it* **s** *e* `a < b`',
    );
  });

  it('GIVEN a <pre> block THEN it becomes a code fence keeping its line breaks and indentation', () => {
    expect(htmlToMarkdown('Run:<pre><code>if x:\n    print(&quot;hi&quot;)</code></pre>done')).toBe(
      'Run:\n```\nif x:\n    print("hi")\n```\ndone',
    );
  });

  it('GIVEN scripts, styles and comments THEN their content is dropped; other tags are stripped', () => {
    expect(
      htmlToMarkdown(
        '<style>.a{}</style>A<script>alert("x<b>")</script><!-- note --><span style="color:red">B</span>',
      ),
    ).toBe('AB');
  });

  it('GIVEN a picture THEN it is a Markdown image with its alt text, or its name when it has none', () => {
    expect(htmlToMarkdown('<img src="cat.png" alt="A &quot;cat&quot;"> <img src=\'dog%20big.jpg\'>')).toBe(
      '![A "cat"](cat.png) ![dog big](dog%20big.jpg)',
    );
  });

  it('GIVEN a picture inlined as a data: URI THEN its alt text stands in for it', () => {
    expect(htmlToMarkdown('<img src="data:image/png;base64,iVBORw0KGgo=" alt="a dot">!')).toBe('a dot!');
  });

  it('GIVEN a sound reference THEN it stays as it is', () => {
    expect(htmlToMarkdown('Listen: [sound:hola.mp3]')).toBe('Listen: [sound:hola.mp3]');
  });

  it('GIVEN control characters, raw or as references THEN none reaches the text', () => {
    expect(htmlToMarkdown('a\u0000b&#0;c&#7;d&#x1b;e\u0085f')).toBe('abcdef');
  });

  it('GIVEN "<" that opens no tag, and tags never closed THEN they stay as text', () => {
    expect(htmlToMarkdown('1 < 2 <b>and</b> <a href="x" <!x')).toBe('1 < 2 **and** <a href="x" <!x');
    const hostile = '<a '.repeat(40_000);
    expect(htmlToMarkdown(hostile)).toBe(hostile.trim());
  });

  it('GIVEN plain output THEN no Markdown markup is added', () => {
    expect(htmlToMarkdown('<b>x</b> <img src="y.png" alt="why">', { plain: true })).toBe('x why');
  });
});

describe('decodeEntities', () => {
  it('GIVEN named, decimal and hex references THEN they are decoded; unknown names stay', () => {
    expect(decodeEntities('&amp;&lt;&gt;&nbsp;&eacute;x&#233;&#xE9;&hellip;&unknown;')).toBe(
      '&<> éxéé…&unknown;',
    );
  });
});
