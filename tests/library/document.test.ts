/** Decoding what was fetched, and making an article of it, as the corpus would. */
import { describe, expect, it } from 'vitest';
import { DocumentError, decodeDocument, ingestDocument, kindOfFileName } from '../../src/library/document.ts';

const problem = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(DocumentError);
    return (err as DocumentError).problem;
  }
  throw new Error('no problem');
};

describe('documents', () => {
  it('decode by the charset the response declares, else as the corpus reads the kind', () => {
    const latin1 = Buffer.from('Straße über Brücken', 'latin1');
    expect(decodeDocument(latin1, 'text', 'iso-8859-1', 'x')).toBe('Straße über Brücken');
    // text without a charset that is not UTF-8: HTTP's default, windows-1252
    expect(decodeDocument(latin1, 'text', null, 'x')).toBe('Straße über Brücken');
    // a page that declares its charset in a meta tag
    const page = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>', 'latin1'), latin1, Buffer.from('</p></body></html>')]);
    expect(decodeDocument(page, 'html', null, 'x')).toContain('Straße über Brücken');
    // an unknown charset label falls back to reading the bytes as the kind says
    expect(decodeDocument(Buffer.from('Grüße', 'utf8'), 'text', 'x-unknown-charset', 'x')).toBe('Grüße');
    expect(problem(() => decodeDocument(Buffer.from([0x50, 0x4b, 3, 4, 0, 0]), 'text', null, 'x'))).toMatchObject({ code: 'unreadable', why: 'binary' });
    expect(problem(() => decodeDocument(Buffer.from([0x50, 0x4b, 3, 4, 0, 0]), 'text', 'utf-8', 'x'))).toMatchObject({ code: 'unreadable', why: 'binary' });
    expect(problem(() => decodeDocument(Buffer.alloc(0), 'html', null, 'x'))).toMatchObject({ code: 'unreadable', why: 'empty' });
  });

  it('know a file by its name', () => {
    expect(['a.HTML', 'b.htm', 'c.md', 'd.markdown', 'e.txt', 'f.pdf', 'g'].map(kindOfFileName)).toEqual(['html', 'html', 'markdown', 'markdown', 'text', null, null]);
  });

  it('become articles under the id given, whatever front matter says; a login wall and bad front matter are refused', () => {
    const md = '---\nid: chosen-by-the-file\nlanguage: en\n---\n# A harbour note\n\nThe walrus parade in the harbour was moved to Friday because of the storm.\n\nThe organisers said the new route avoids the old fish market.\n';
    const { article } = ingestDocument(md, 'markdown', { id: 'given', path: '/d/given.json', url: 'https://news.example/a' });
    expect(article.meta).toMatchObject({ id: 'given', url: 'https://news.example/a', language: 'en' });
    expect(article.sourceKind).toBe('stored');
    expect(article.sentences.every((s) => s.id.startsWith('given:') && article.source.slice(s.start, s.end) === s.text)).toBe(true);
    expect(problem(() => ingestDocument('<html><body><form><input name=user><input name=pw></form><p>Please log in.</p></body></html>', 'html', { id: 'x', path: 'x' }))).toEqual({ code: 'no-article' });
    expect(problem(() => ingestDocument('---\nnope: 1\n---\nText of it here.\n', 'text', { id: 'x', path: 'x' }))).toMatchObject({ code: 'unreadable', why: 'metadata' });
  });
});
