/**
 * The bot's formatting: Discord's limits hold whatever the input, mentions
 * can never ping, markdown in quoted or typed text never formats.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { APIEmbed } from 'discord.js';
import type { Answer, AskResult, Citation } from '../../src/engine/engine.ts';
import type { ArticleMeta } from '../../src/corpus/types.ts';
import { articleChoices, resolveArticle } from '../../src/bot/articles.ts';
import { questionFrom } from '../../src/bot/answer.ts';
import { moreId, parseCustomId, postId } from '../../src/bot/components/customId.ts';
import { citationLine } from '../../src/bot/format/citation.ts';
import { codeBlockText, escapeMarkdown, neutralizeMentions, plainText, ZWSP } from '../../src/bot/format/escape.ts';
import { ELLIPSIS, embedLength, fitContent, fitEmbed, fitEmbeds, LIMITS, truncateAtWord, truncateMarkdown } from '../../src/bot/format/limits.ts';
import { renderQuote } from '../../src/bot/format/quote.ts';
import { expectWithinLimits } from './limits.ts';
import {
  renderAbstention,
  renderAnswers,
  renderHelp,
  renderQuotePost,
  renderQuoteText,
  renderSource,
  renderSummary,
} from '../../src/bot/format/render.ts';
import { body, messageReplyBody, privateBody } from '../../src/bot/reply.ts';
import { de } from '../../src/i18n/index.ts';

// ---------------------------------------------------------------- helpers

const citation = (over: Partial<Citation> = {}): Citation => ({
  articleId: 'spiegel-gchq-aws',
  title: 'Britischer Geheimdienst schließt Deal mit Amazon',
  publisher: 'DER SPIEGEL',
  byline: 'jlk/Reuters',
  paragraph: 8,
  sentence: 4,
  role: 'body',
  attributedTo: null,
  ...over,
});

const answer = (text: string, over: Partial<Answer> = {}): Answer => ({
  kind: 'passage',
  text,
  score: 1,
  sentenceId: 'spiegel-gchq-aws:8.4',
  citation: citation(),
  matched: [],
  ...over,
});

const result = (question: string, answers: Answer[]): AskResult => ({ question, abstained: false, reason: null, missing: [], invalid: false, answers });

const JASSY = 'Wie wichtig AWS für den Konzern ist, zeigt auch eine Personalie: Im Juli gab Amazon-Gründer Jeff Bezos seinen Chefposten an den ehemaligen AWS-Chef Andy Jassy weiter.';
const HUGE = ('Wort ' + 'x'.repeat(7) + ' ').repeat(800); // ~10,400 characters of words
const HUGE_WORD = 'y'.repeat(10_000);
const MARKDOWN_BOMB = '*_~`|>[](<@&1>) # - 1. '.repeat(500);

/** Text Discord would turn into a mention or @everyone/@here ping. */
const PINGABLE = /@(everyone|here)\b|<@[!&]?\d+>/;

function allText(message: { content?: string; embeds?: APIEmbed[] }): string {
  return [
    message.content ?? '',
    ...(message.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '', e.footer?.text ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]),
  ].join('\n');
}

// ---------------------------------------------------------------- limits

describe('truncateAtWord', () => {
  it('returns text that fits unchanged', () => {
    expect(truncateAtWord('short text', 10)).toBe('short text');
  });

  it('cuts at a word boundary and adds "…"', () => {
    expect(truncateAtWord('the quick brown fox jumps', 17)).toBe('the quick brown…');
    expect(truncateAtWord('the quick brown fox jumps', 17).length).toBeLessThanOrEqual(17);
  });

  it('cuts inside a single over-long word', () => {
    const out = truncateAtWord(HUGE_WORD, 100);
    expect(out).toHaveLength(100);
    expect(out.endsWith(ELLIPSIS)).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    const out = truncateAtWord('😀'.repeat(100), 10);
    expect(out.length).toBeLessThanOrEqual(10);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('holds for any text and budget (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 0, max: 300 }), (text, max) => {
        const out = truncateAtWord(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        if (text.length <= max) expect(out).toBe(text);
      }),
    );
  });
});

describe('truncateMarkdown', () => {
  it('never leaves a lone backslash before the ellipsis or an unclosed bold', () => {
    const out = truncateMarkdown('**bold words here** and \\*more\\* text', 12);
    expect(out.length).toBeLessThanOrEqual(12);
    expect((out.match(/\*\*/g) ?? []).length % 2).toBe(0);
    expect(out).not.toMatch(/(^|[^\\])\\…$/);
  });
});

describe('fitEmbed / fitEmbeds / fitContent', () => {
  const giant: APIEmbed = {
    title: 'T'.repeat(1000),
    description: 'D '.repeat(5000),
    footer: { text: 'F'.repeat(5000) },
    author: { name: 'A'.repeat(1000) },
    fields: Array.from({ length: 40 }, (_, i) => ({ name: `N${i}`.repeat(200), value: 'V '.repeat(2000) })),
  };

  it('enforces every per-field limit, 25 fields and the 6000 total', () => {
    const out = fitEmbed(giant);
    expectWithinLimits({ embeds: [out] });
    expect(out.fields!.length).toBeGreaterThan(0);
  });

  it('shares the 6000 total across the embeds of one message and keeps at most 10', () => {
    const out = fitEmbeds(Array.from({ length: 12 }, () => giant));
    expectWithinLimits({ embeds: out });
  });

  it('cuts content to 2000', () => {
    expect(fitContent('word '.repeat(1000)).length).toBeLessThanOrEqual(2000);
  });

  it('leaves small embeds alone', () => {
    const small: APIEmbed = { title: 't', description: 'd', footer: { text: 'f' }, fields: [{ name: 'n', value: 'v' }] };
    expect(fitEmbed(small)).toEqual(small);
  });
});

// ---------------------------------------------------------------- escaping and mentions

describe('escaping', () => {
  it('neutralises @everyone, @here, user, nickname and role mentions', () => {
    const text = 'hi @everyone @here <@123456789012345678> <@!123456789012345678> <@&234567890123456789>';
    for (const out of [escapeMarkdown(text), neutralizeMentions(text), plainText(text), codeBlockText(text)]) {
      expect(out).not.toMatch(PINGABLE);
      expect(out).toContain(`@${ZWSP}everyone`);
    }
  });

  it('escapes markdown so it shows literally', () => {
    expect(escapeMarkdown('**bold** _it_ ~~s~~ `code` ||spoiler|| [x](https://e.com) <#1> > q')).toBe(
      '\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\`code\\` \\|\\|spoiler\\|\\| \\[x\\](https://e.com) \\<#1\\> \\> q',
    );
  });

  it('escapes line-start syntax and keeps everything on one line', () => {
    expect(escapeMarkdown('# Heading\n- item')).toBe('\\# Heading - item');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('a\n\n> b')).toBe('a \\> b');
  });

  it('breaks ``` inside code blocks', () => {
    expect(codeBlockText('a ``` b')).not.toContain('```');
  });
});

/** The span of `text` covering the first occurrence of `part`. */
const spanOf = (text: string, part: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });

describe('renderQuote', () => {
  it('bolds the highlight (the answer), not the question words, after escaping', () => {
    const out = renderQuote(JASSY, spanOf(JASSY, 'Andy Jassy'));
    expect(out).toContain('AWS-Chef **Andy Jassy** weiter.');
    expect(out).not.toContain('**Bezos**');
    expect(out.match(/\*\*/g)).toHaveLength(2);
    expect(renderQuote(JASSY)).toBe(JASSY);
    expect(renderQuote('Andy Jassy', { start: 0, end: 10 }, 10)).toBe('**Andy**…');
  });

  it('follows the highlight through whitespace and control characters made one line', () => {
    const text = '  Im\n\nJuli gab\u0007 Bezos\t ab.';
    const out = renderQuote(text, spanOf(text, 'Im\n\nJuli'));
    expect(out).toBe('**Im Juli** gab Bezos ab.');
    // a highlight of nothing but whitespace, or out of range, bolds nothing
    expect(renderQuote(text, { start: 0, end: 2 })).toBe('Im Juli gab Bezos ab.');
    expect(renderQuote(text, { start: 20, end: 500 })).not.toContain('**');
  });

  it('escapes markdown in the quoted text, so only our bold formats', () => {
    const text = 'a *b* _c_ **d**';
    expect(renderQuote(text, spanOf(text, 'c'))).toBe('a \\*b\\* \\_**c**\\_ \\*\\*d\\*\\*');
  });

  it('neutralises mentions in quotes, also inside the highlight', () => {
    const text = 'Told @everyone and <@123456789012345678> and <@&234567890123456789>.';
    expect(renderQuote(text, spanOf(text, '@everyone'))).not.toMatch(PINGABLE);
    expect(renderQuote(text, { start: 0, end: text.length })).not.toMatch(PINGABLE);
  });

  it('cuts a 10,000-character sentence at a word boundary with "…"', () => {
    const out = renderQuote(HUGE, { start: 0, end: 4 }, 1000);
    expect(out.length).toBeLessThanOrEqual(1000);
    expect(out.endsWith(`${ELLIPSIS}`)).toBe(true);
    expect(out.startsWith('**Wort** ')).toBe(true);
    expect((out.match(/\*\*/g) ?? []).length % 2).toBe(0);
  });

  it('cuts inside one 10,000-character word, closing an open bold', () => {
    const out = renderQuote(HUGE_WORD, { start: 0, end: HUGE_WORD.length }, 50);
    expect(out.length).toBeLessThanOrEqual(50);
    expect(out.startsWith('**y')).toBe(true);
    expect(out.endsWith(`**${ELLIPSIS}`)).toBe(true);
  });

  it('stays within any budget, keeps bold balanced and the text verbatim, whatever the highlight (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: -5, max: 310 }), fc.integer({ min: -5, max: 310 }), fc.integer({ min: 0, max: 200 }), (text, start, end, max) => {
        const out = renderQuote(text, { start, end }, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(out).not.toMatch(PINGABLE);
        expect((out.match(/(?<!\\)\*\*/g) ?? []).length % 2).toBe(0);
      }),
    );
  });
});

// ---------------------------------------------------------------- renderers

describe('citationLine', () => {
  it('names publisher, headline, byline, paragraph, sentence, role and attribution', () => {
    expect(citationLine(citation({ attributedTo: 'Financial Times', role: 'teaser' }))).toBe(
      '— DER SPIEGEL, „Britischer Geheimdienst schließt Deal mit Amazon“, jlk/Reuters · ¶ 8, sentence 4 (teaser) · per Financial Times',
    );
  });

  it('stays within its budget with huge metadata', () => {
    const c = citation({ title: 'T '.repeat(3000), publisher: 'P'.repeat(3000), byline: '*'.repeat(3000), attributedTo: '<@&1> '.repeat(500) });
    expect(citationLine(c).length).toBeLessThanOrEqual(400);
    expect(citationLine(c)).toContain('¶ 8, sentence 4');
    expect(citationLine(c)).not.toMatch(PINGABLE);
  });
});

describe('renderAnswers', () => {
  it("says above the quotes which of the question's names the article never mentions, in the reader's language", () => {
    const r: AskResult = { ...result('Who did Tesla partner with?', [answer(JASSY)]), unmentioned: ['Tesla'] };
    const en = renderAnswers(r).embed;
    expect(en.description!.startsWith('*The article never mentions „Tesla“; the closest passages:*')).toBe(true);
    expect(renderAnswers(r, { t: de }).embed.description).toContain('Der Artikel erwähnt „Tesla“ nirgends');
    const hostile: AskResult = { ...r, unmentioned: ['@everyone', 'x'.repeat(5000)] };
    expectWithinLimits({ embeds: [renderAnswers(hostile).embed] });
    expect(renderAnswers(hostile).embed.description).not.toContain('@everyone');
  });
  it('renders block quotes with the answer in bold, citation lines, the matched words under them and an article footer', () => {
    const matched = [
      { question: 'Bezos', article: 'Bezos' },
      { question: 'succeeded', article: 'weiter' },
    ];
    const page = renderAnswers(result('Who succeeded Bezos?', [answer(JASSY, { matched, highlight: spanOf(JASSY, 'Andy Jassy') })]));
    expect(page.embed.title).toBe('Who succeeded Bezos?');
    // one article: short citation lines, the article named once in the footer; the matched words on their own line
    expect(page.embed.description).toBe(`> ${JASSY.replace('Andy Jassy', '**Andy Jassy**')}\n— ¶ 8, sentence 4\n*matched: Bezos, succeeded → weiter*`);
    // no highlight: nothing bold
    expect(renderAnswers(result('q', [answer(JASSY, { matched, highlight: null })])).embed.description).toBe(`> ${JASSY}\n— ¶ 8, sentence 4\n*matched: Bezos, succeeded → weiter*`);
    expect(page.embed.footer?.text).toBe('passage 1 of 1 · DER SPIEGEL — Britischer Geheimdienst schließt Deal mit Amazon, jlk/Reuters (spiegel-gchq-aws)');
    expect(page).toMatchObject({ shown: 1, more: false });
  });

  it('gives the sentence a quote points back at under its citation, escaped and cut, within the limits', () => {
    const before = 'Großbritanniens Geheimdienste sollen einen Deal mit Amazon eingegangen sein.';
    const quote = 'Das berichtet die Financial Times.';
    const page = renderAnswers(result('Who reported it?', [answer(quote, { context: { text: before, sentenceId: 'spiegel-gchq-aws:4.1' } })]));
    expect(page.embed.description).toBe(`> ${quote}\n— ¶ 8, sentence 4\n*before it: “${before}”*`);
    expect(renderAnswers(result('Wer?', [answer(quote, { context: { text: before, sentenceId: 'x:4.1' } })]), { t: de }).embed.description).toContain(`*davor: „${before}“*`);
    // A hostile or huge sentence before: escaped, cut to a line, and the page stays within Discord's limits.
    const hostile = Array.from({ length: 25 }, () => answer(HUGE, { context: { text: `@everyone ${MARKDOWN_BOMB}`, sentenceId: 'x:1.1' } }));
    const big = renderAnswers(result('q', hostile));
    expectWithinLimits({ embeds: [big.embed] });
    expect(big.embed.description).not.toMatch(PINGABLE);
    for (const line of big.embed.description!.split('\n').filter((l) => l.startsWith('*before it:'))) expect(line.length).toBeLessThanOrEqual(240);
  });

  it('quotes of several articles keep full citation lines; the footer lists the articles', () => {
    const other = answer('Another sentence.', { citation: citation({ articleId: 'zebra', title: 'Zebra', publisher: 'Gazette', byline: 'Jane', paragraph: 3, sentence: 1 }) });
    const page = renderAnswers(result('q', [answer(JASSY), other]));
    expect(page.embed.description).toContain('— DER SPIEGEL, „Britischer Geheimdienst schließt Deal mit Amazon“, jlk/Reuters · ¶ 8, sentence 4\n');
    expect(page.embed.description).toMatch(/— Gazette, „Zebra“, Jane · ¶ 3, sentence 1$/);
    expect(page.embed.footer?.text).toBe('passages 1–2 of 2 · 2 articles: spiegel-gchq-aws, zebra');
  });

  it('in German: German citation, attribution and footer; the quote as it is', () => {
    const page = renderAnswers(result('Wer folgte Bezos?', [answer(JASSY, { citation: citation({ attributedTo: 'Financial Times', role: 'teaser' }) })]), { t: de });
    expect(page.embed.description).toBe(`> ${JASSY}\n— ¶ 8, Satz 4 (Vorspann) · laut Financial Times`);
    expect(page.embed.footer?.text).toBe('Passage 1 von 1 · DER SPIEGEL — Britischer Geheimdienst schließt Deal mit Amazon, jlk/Reuters (spiegel-gchq-aws)');
    const refusal: AskResult = { question: 'q', abstained: true, reason: 'The article does not mention "Mars".', refusal: { code: 'not-mentioned', words: ['Mars'] }, missing: ['Mars'], invalid: false, answers: [] };
    expect(renderAbstention(refusal, 'alle 2 Artikel', undefined, de)).toMatchObject({ description: '**Nicht gefunden.** Der Artikel erwähnt „Mars“ nicht.', footer: { text: 'Durchsucht: alle 2 Artikel' } });
  });

  it('pages: three per page, "more" while answers remain', () => {
    const answers = Array.from({ length: 7 }, (_, i) => answer(`Sentence ${i}.`));
    const r = result('q', answers);
    expect(renderAnswers(r)).toMatchObject({ shown: 3, more: true });
    const last = renderAnswers(r, { offset: 6 });
    expect(last).toMatchObject({ shown: 1, more: false });
    expect(last.embed.footer?.text).toMatch(/^passage 7 of 7/);
  });

  it('25 answers of 10,000 characters each with huge titles stay within every limit and keep each shown citation', () => {
    const answers = Array.from({ length: 25 }, (_, i) =>
      answer(HUGE, { citation: citation({ title: `Headline ${i} `.repeat(300), paragraph: i + 1 }), matched: [{ question: 'w', article: 'Wort' }] }),
    );
    for (const pageSize of [1, 3, 25]) {
      const page = renderAnswers(result('?'.repeat(5000), answers), { pageSize });
      expectWithinLimits({ embeds: [page.embed] });
      expect(page.shown).toBeGreaterThanOrEqual(1);
      for (let i = 0; i < page.shown; i++) expect(page.embed.description).toContain(`¶ ${i + 1}, sentence 4`);
      expect(page.embed.description).toContain(ELLIPSIS);
    }
  });

  it('escapes the echoed question: no pings, no formatting', () => {
    const page = renderAnswers(result('@everyone <@123456789012345678> <@&234567890123456789> **who** [x](y)?', [answer(JASSY)]));
    expect(page.embed.title).not.toMatch(PINGABLE);
    expect(page.embed.title).toContain('\\*\\*who\\*\\*');
    expect(page.embed.title).toContain('\\[x\\]');
  });

  it('keeps mention syntax in quotes unable to ping', () => {
    const page = renderAnswers(result('q', [answer('Told @everyone, @here, <@123456789012345678> and <@&234567890123456789>.', { citation: citation({ attributedTo: '@everyone' }) })]));
    expect(allText({ embeds: [page.embed] })).not.toMatch(PINGABLE);
  });
});

describe('answers about the article itself', () => {
  const metaCitation = citation({ paragraph: null, sentence: null, role: null });
  const byline = answer('jlk/Reuters', { kind: 'metadata', field: 'byline', citation: metaCitation, sentenceId: 'spiegel-gchq-aws:byline', span: { start: 10, end: 21, line: 20 } });

  it('a metadata answer is shown as a labelled field with where it comes from, not as a quote', () => {
    const page = renderAnswers(result('Who wrote this?', [byline]));
    expect(page.embed.description).toBe('**Byline:** jlk/Reuters\n*quoted verbatim from line 20 of the page*');
    expect(page.embed.description).not.toMatch(/^> /m);
    expect(page).toMatchObject({ shown: 1, more: false });
    const publisher = renderAnswers(result('Which newspaper?', [answer('DER SPIEGEL', { kind: 'metadata', field: 'publisher', citation: metaCitation, span: null })]));
    expect(publisher.embed.description).toBe("**Publication:** DER SPIEGEL\n*from the article's metadata*");
    const sources = renderAnswers(result('Welche Quellen?', [answer('Financial Times', { kind: 'metadata', field: 'sources', citation: citation({ paragraph: 4, sentence: 1, attributedTo: 'Financial Times' }) })]));
    expect(sources.embed.description).toBe('**Source the article cites:** Financial Times\n*first credited in ¶ 4, sentence 1*');
  });

  it('a summary answer is quoted under a line saying it is the summary', () => {
    const page = renderAnswers(result('Worum geht es?', [answer(JASSY, { kind: 'summary' }), answer('Zweiter Satz.', { kind: 'summary' })]));
    expect(page.embed.description).toMatch(/^\*The article's summary, in its own sentences:\*\n\n> Wie wichtig/);
    expect(page.embed.footer?.text).toMatch(/^sentences 1–2 of 2 · /);
  });

  it('the citation of a metadata answer has no position', () => {
    expect(citationLine(metaCitation)).toBe('— DER SPIEGEL, „Britischer Geheimdienst schließt Deal mit Amazon“, jlk/Reuters');
  });

  it('/quote of a metadata answer gives it as a field, not in quotation marks, and posts it as shared', () => {
    const text = renderQuoteText(byline);
    expect(text).toContain('Byline: jlk/Reuters (quoted verbatim from line 20 of the page)');
    expect(text).not.toContain('„jlk/Reuters“');
    const post = renderQuotePost(byline, '42');
    expect(post.content).toBe('Shared by <@42>');
    expect(post.embeds[0]!.description).toMatch(/^\*\*Byline:\*\* jlk\/Reuters/);
  });

  it('in German: German labels, provenance, summary line and footer; the values and quotes as they are', () => {
    const page = renderAnswers(result('Wer hat das geschrieben?', [byline]), { t: de });
    expect(page.embed.description).toBe('**Autor:** jlk/Reuters\n*wörtlich aus Zeile 20 der Seite*');
    const publisher = renderAnswers(result('Aus welcher Zeitung?', [answer('DER SPIEGEL', { kind: 'metadata', field: 'publisher', citation: metaCitation, span: null })]), { t: de });
    expect(publisher.embed.description).toBe('**Medium:** DER SPIEGEL\n*aus den Metadaten des Artikels*');
    const sources = renderAnswers(result('Welche Quellen?', [answer('Financial Times', { kind: 'metadata', field: 'sources', citation: citation({ paragraph: 4, sentence: 1, attributedTo: 'Financial Times' }) })]), { t: de });
    expect(sources.embed.description).toBe('**Quelle, die der Artikel nennt:** Financial Times\n*zuerst genannt in ¶ 4, Satz 1*');
    const other = answer('Jane Doe', { kind: 'metadata', field: 'byline', citation: citation({ articleId: 'lanes', paragraph: null, sentence: null, role: null }), span: null });
    expect(renderAnswers(result('Wer hat das geschrieben?', [byline, other]), { t: de }).embed.description).toBe(
      '**Autor von `spiegel-gchq-aws`:** jlk/Reuters\n*wörtlich aus Zeile 20 der Seite*\n\n**Autor von `lanes`:** Jane Doe\n*aus den Metadaten des Artikels*',
    );
    const summary = renderAnswers(result('Worum geht es?', [answer(JASSY, { kind: 'summary' }), answer('Zweiter Satz.', { kind: 'summary', citation: citation({ paragraph: 2, sentence: 1 }) })]), { t: de });
    expect(summary.embed.description).toBe(`*Die Zusammenfassung des Artikels, in seinen eigenen Sätzen:*\n\n> ${JASSY}\n— ¶ 8, Satz 4\n\n> Zweiter Satz.\n— ¶ 2, Satz 1`);
    expect(summary.embed.footer?.text).toBe('Sätze 1–2 von 2 · DER SPIEGEL — Britischer Geheimdienst schließt Deal mit Amazon, jlk/Reuters (spiegel-gchq-aws)');
    const noDate: AskResult = { question: 'Wann ist er erschienen?', abstained: true, reason: 'The article has no date.', refusal: { code: 'article-lacks', field: 'date', articles: 1 }, missing: [], invalid: false, answers: [] };
    expect(renderAbstention(noDate, 'spiegel-gchq-aws', undefined, de).description).toBe('**Nicht gefunden.** Der Artikel hat kein Datum.');
    expect(renderAbstention(noDate, 'spiegel-gchq-aws').description).toBe('**Not found.** The article has no date.');
  });

  it('a short citation line of a metadata answer still names the article; a cited source keeps its position', () => {
    expect(citationLine(metaCitation, { short: true })).toBe('— DER SPIEGEL, „Britischer Geheimdienst schließt Deal mit Amazon“, jlk/Reuters');
    expect(citationLine(citation({ paragraph: 4, sentence: 1, attributedTo: 'Financial Times' }), { short: true, t: de })).toBe('— ¶ 4, Satz 1 · laut Financial Times');
    expect(citationLine(metaCitation, { max: 20 })).toBe('— spiegel-gchq-aws');
  });

  it('/quote of a metadata answer in German: a German label, intro and "shared by"', () => {
    const text = renderQuoteText(byline, de);
    expect(text).toMatch(/^Aus dem Artikel \(nur du siehst das\):/);
    expect(text).toContain('Autor: jlk/Reuters (wörtlich aus Zeile 20 der Seite)');
    const post = renderQuotePost(byline, '42', de);
    expect(post.content).toBe('Geteilt von <@42>');
    expect(post.embeds[0]!.description).toMatch(/^\*\*Autor:\*\* jlk\/Reuters\n\*wörtlich aus Zeile 20 der Seite\*/);
  });

  it('huge and hostile metadata from many articles stays within limits and cannot ping', () => {
    const answers = Array.from({ length: 25 }, (_, i) =>
      answer(`@everyone <@&${i}> ${HUGE}`, { kind: 'metadata', field: i % 2 ? 'date' : 'sources', citation: citation({ articleId: `a${i}`, title: MARKDOWN_BOMB, paragraph: i % 2 ? null : 3 }), span: i % 3 ? null : { start: 0, end: 1, line: i } }),
    );
    for (const t of [undefined, de]) {
      const page = renderAnswers(result('@here'.repeat(400), answers), { t });
      expectWithinLimits({ embeds: [page.embed] });
      expect(allText({ embeds: [page.embed] })).not.toMatch(PINGABLE);
      for (const a of answers.slice(0, 3)) {
        expectWithinLimits({ content: renderQuoteText(a, t) });
        const post = renderQuotePost(a, '1', t);
        expectWithinLimits(post);
        expect(allText({ embeds: post.embeds })).not.toMatch(PINGABLE);
      }
    }
  });
});

describe('other replies', () => {
  const meta: ArticleMeta = {
    id: 'a'.repeat(300),
    title: 'H '.repeat(2000),
    kicker: 'K '.repeat(2000),
    publisher: '@everyone '.repeat(100),
    byline: '<@123456789012345678> '.repeat(100),
    language: 'de',
    url: `https://example.com/${'p'.repeat(3000)}`,
    date: '2024-01-01',
  };

  it('abstention says what was not found, within limits', () => {
    const r: AskResult = { question: 'What is the capital of France?', abstained: true, reason: 'The article does not mention "France".', missing: ['France'], invalid: false, answers: [] };
    const e = renderAbstention(r, 'all 2 articles');
    expect(e.description).toBe('**Not found.** The article does not mention "France".');
    const tooLong: AskResult = { ...r, question: 'x'.repeat(600), reason: 'The question is too long (600 characters; at most 500).', missing: [], invalid: true };
    expect(renderAbstention(tooLong, 'all 2 articles').description).toBe('The question is too long (600 characters; at most 500).');
    expect(e.footer?.text).toBe('Searched all 2 articles');
    expectWithinLimits({ embeds: [renderAbstention({ ...r, question: '@everyone'.repeat(1000), reason: 'x '.repeat(5000) }, 'y'.repeat(5000))] });
  });

  it('source card with huge metadata and 500 cited sources', () => {
    const e = renderSource(meta, Array.from({ length: 500 }, (_, i) => `Source <@&${i}> number ${i}`));
    expectWithinLimits({ embeds: [e] });
    expect(allText({ embeds: [e] })).not.toMatch(PINGABLE);
    expect(e.url).toBeUndefined(); // too long to link
    expect(e.fields?.find((f) => f.name === 'Sources the article cites')?.value).toMatch(/…$/);
  });

  it('source card links the headline and lists cited sources in order', () => {
    const e = renderSource({ ...meta, id: 'x', title: 'Title', url: 'https://example.com/a_b', kicker: null, publisher: 'P', byline: null }, ['Financial Times', 'GCHQ']);
    expect(e.url).toBe('https://example.com/a_b');
    expect(e.fields?.find((f) => f.name === 'Sources the article cites')?.value).toBe('Financial Times · GCHQ');
  });

  it('summary with ten 10,000-character sentences and a huge topic', () => {
    const e = renderSummary(
      { articleId: 'x', title: 'T '.repeat(500), topic: '@here '.repeat(200), reason: null, sentences: Array.from({ length: 10 }, (_, i) => ({ text: HUGE, sentenceId: `x:${i}.1`, citation: citation({ paragraph: i }) })) },
      meta,
    );
    expectWithinLimits({ embeds: [e] });
    expect(allText({ embeds: [e] })).not.toMatch(PINGABLE);
  });

  it('empty summary says why', () => {
    const e = renderSummary({ articleId: 'x', title: 'T', topic: 'Mars', reason: 'The article says nothing about "Mars".', sentences: [] }, { id: 'x', title: 'T', publisher: null, byline: null });
    expect(e.description).toContain('Nothing to quote.');
    expect(e.description).toContain('Mars');
  });

  it('help lists commands and as many articles as fit', () => {
    const e = renderHelp(Array.from({ length: 500 }, (_, i) => ({ id: `article-${i}`, title: `Title ${i} **x**` })));
    expectWithinLimits({ embeds: [e] });
    expect(e.description).toContain('/ask');
  });

  it('ready-to-paste quote keeps the citation within 2000 characters', () => {
    const out = renderQuoteText(answer(HUGE + ' ``` @everyone', { citation: citation({ attributedTo: 'Financial Times' }) }));
    expect(out.length).toBeLessThanOrEqual(2000);
    expect(out).toContain('— DER SPIEGEL, „Britischer Geheimdienst schließt Deal mit Amazon“, jlk/Reuters · ¶ 8, sentence 4 · per Financial Times');
    expect(out).toContain(`${ELLIPSIS}“`);
    expect((out.match(/```/g) ?? []).length).toBe(2);
  });

  it('/quote and Post to channel keep the answer in bold', () => {
    const best = answer(JASSY, { matched: [{ question: 'Bezos', article: 'Bezos' }], highlight: spanOf(JASSY, 'Andy Jassy') });
    // in the code block as ** markers, so the pasted quote shows it bold; the quote otherwise as it is
    const text = renderQuoteText(best);
    expect(text).toContain(`„${JASSY.replace('Andy Jassy', '**Andy Jassy**')}“`);
    const post = renderQuotePost(best, '42');
    expect(post.embeds[0]!.description).toContain('AWS-Chef **Andy Jassy** weiter.');
    expect(post.embeds[0]!.description).not.toContain('**Bezos**');
    expect(post.embeds[0]!.description).not.toContain('matched');
  });

  it('a highlight cut off by a long quote is closed before the "…", or left out when it is cut away', () => {
    const long = `${'Wort '.repeat(300)}Andy Jassy ${'Wort '.repeat(300)}`;
    const near = renderQuoteText(answer(long, { highlight: { start: 5, end: long.length - 1 } }));
    expect(near.length).toBeLessThanOrEqual(2000);
    expect(near).toMatch(/„Wort \*\*Wort[^*]*\*\*…“/);
    const far = renderQuoteText(answer(`${'Wort '.repeat(600)}Andy Jassy`, { highlight: { start: 3000, end: 3010 } }));
    expect(far.length).toBeLessThanOrEqual(2000);
    expect(far).not.toContain('**');
    // private-use characters in the text: the quote as it is, without markers
    const odd = `a\uE000b\uE001c Andy`;
    expect(renderQuoteText(answer(odd, { highlight: { start: 6, end: 10 } }))).toContain(`„${odd}“`);
  });

  it('public quote post: "Quoted by <@user>" and the quote within limits', () => {
    const post = renderQuotePost(answer(MARKDOWN_BOMB), '123456789012345678');
    expect(post.content).toBe('Quoted by <@123456789012345678>');
    expectWithinLimits(post);
    expect(post.embeds[0]!.description).toContain('¶ 8, sentence 4');
  });
});

describe('reply bodies', () => {
  it('every body sets allowedMentions to none, and replies to messages do not ping the author', () => {
    expect(body({ content: 'x' }).allowedMentions).toEqual({ parse: [] });
    expect(privateBody({ content: 'x' })).toMatchObject({ allowedMentions: { parse: [] }, flags: 64 });
    expect(messageReplyBody({ content: 'x' }).allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  it('fits content and embeds', () => {
    const b = body({ content: 'c '.repeat(3000), embeds: [{ description: 'd '.repeat(5000) }] });
    expectWithinLimits(b);
  });
});

describe('article option', () => {
  const articles = Array.from({ length: 40 }, (_, i) => ({ id: `article-${i}`, title: `Headline number ${i} ${'long '.repeat(40)}` }));

  it('offers at most 25 choices, names within 100 characters', () => {
    const choices = articleChoices(articles, '');
    expect(choices).toHaveLength(25);
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.value.length).toBeLessThanOrEqual(100);
      expect(c.name.endsWith(`(${c.value})`)).toBe(true);
    }
  });

  it('filters by what is typed, in id or headline, case- and accent-insensitively', () => {
    expect(articleChoices(articles, 'ARTICLE-3').map((c) => c.value)).toEqual(['article-3', ...Array.from({ length: 10 }, (_, i) => `article-3${i}`)]);
    expect(articleChoices(articles, 'number 17').map((c) => c.value)).toEqual(['article-17']);
    expect(articleChoices([{ id: 'a', title: 'Geheimdienst schließt Deal' }, { id: 'b', title: 'Other' }], 'schliesst').map((c) => c.value)).toEqual(['a']);
    expect(articleChoices(articles, 'nothing like this')).toEqual([]);
  });

  it('leaves out ids too long to be a choice value', () => {
    expect(articleChoices([{ id: 'x'.repeat(101), title: 't' }], '')).toEqual([]);
  });

  it('resolves an id, a unique fragment, or explains', () => {
    const engine = { articles: () => articles as ArticleMeta[], article: (id: string) => (articles.some((a) => a.id === id) ? ({} as never) : undefined) };
    expect(resolveArticle(engine, null)).toEqual({ ok: true, id: undefined });
    expect(resolveArticle(engine, 'article-7')).toEqual({ ok: true, id: 'article-7' });
    expect(resolveArticle(engine, 'number 39')).toEqual({ ok: true, id: 'article-39' });
    expect(resolveArticle(engine, 'number 3')).toMatchObject({ ok: false });
    expect(resolveArticle(engine, 'nope')).toMatchObject({ ok: false, message: expect.stringContaining('There is no article "nope"') });
  });
});

describe('custom ids and questions from messages', () => {
  it('custom ids round-trip and stay within 100 characters', () => {
    expect(parseCustomId(moreId('abcDEF_-12', 3))).toEqual({ kind: 'more', key: 'abcDEF_-12', offset: 3 });
    expect(parseCustomId(postId('k'))).toEqual({ kind: 'post', key: 'k' });
    expect(parseCustomId('something-else')).toBeNull();
    expect(moreId('k'.repeat(40), 9999).length).toBeLessThanOrEqual(100);
  });

  it('strips Discord mention/emoji syntax and caps the length', () => {
    expect(questionFrom('<@123456789012345678> who succeeded   Bezos? <:party:123>')).toBe('who succeeded Bezos?');
    expect(questionFrom('<@123>')).toBe('');
    expect(questionFrom('word '.repeat(500)).length).toBeLessThanOrEqual(500);
  });
});
