/**
 * German and English, end to end: the real bot against the stand-in, with
 * users whose Discord locale is German or English, mentions in either
 * language, and the German localisations deploy-commands registers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationCommandType, MessageFlags } from 'discord.js';
import type { APIEmbed, APIUser } from 'discord-api-types/v10';
import { de, en } from '../../src/i18n/index.ts';
import type { DiscordStandIn } from '../discord/standin.ts';
import { testEngine } from './fixtures.ts';
import { originalPath, startHarness, type Harness } from './harness.ts';

function embedOf(body: unknown): APIEmbed {
  const embeds = (body as { embeds?: APIEmbed[] }).embeds;
  expect(embeds?.length).toBe(1);
  return embeds![0]!;
}

describe('the bot in German and English', () => {
  let h: Harness;
  let discord: DiscordStandIn;
  const user = (): APIUser => discord.createUser();

  async function slash(name: string, options: Record<string, string | number | boolean>, locale: string, who: APIUser = user()) {
    const sent = discord.dispatchInteraction({ kind: 'slash', name, options, user: who, locale: locale as 'de' });
    const callback = await sent.waitForCallback();
    const edit = callback.type === 5 ? await discord.waitForRequest(originalPath(discord, sent.token), { method: 'PATCH' }) : undefined;
    return { sent, callback, edit };
  }

  beforeAll(async () => {
    h = await startHarness({ engine: testEngine() });
    discord = h.discord;
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('deploy-commands registers German names and descriptions on every command, subcommand, option and choice', () => {
    const commands = discord.guildCommands.get(discord.guildId) ?? [];
    type Localised = { name_localizations?: Partial<Record<string, string | null>> | null };
    const names = (list: readonly Localised[]) => list.map((c) => c.name_localizations?.de);
    expect(names(commands.filter((c) => c.type === ApplicationCommandType.ChatInput)).sort()).toEqual(['artikel', 'frage', 'hilfe', 'quelle', 'zitat', 'zusammenfassung']);
    expect(commands.find((c) => c.name === 'Find in article')?.name_localizations).toEqual({ de: 'Im Artikel finden' });
    type Checked = { name: string; description?: string; name_localizations?: Partial<Record<string, string | null>> | null; description_localizations?: Partial<Record<string, string | null>> | null; options?: unknown[] };
    const check = (o: Checked) => {
      expect(o.name_localizations?.de, o.name).toMatch(/^[-_'\p{Ll}\p{Lm}\p{Lo}\p{N}]{1,32}$/u);
      expect(o.description_localizations?.de?.length, o.name).toBeGreaterThan(0);
      expect(o.description_localizations?.de).not.toBe(o.description);
      for (const choice of (o as { choices?: { name_localizations?: Record<string, string> }[] }).choices ?? []) expect(choice.name_localizations?.de).toBeTruthy();
      for (const sub of o.options ?? []) check(sub as Checked);
    };
    for (const c of commands.filter((c) => c.type === ApplicationCommandType.ChatInput)) check(c);
    const ask = commands.find((c) => c.name === 'ask')!;
    expect(ask.options?.map((o) => o.name_localizations?.de)).toEqual(['frage', 'artikel', 'öffentlich', 'thread']);
    const article = commands.find((c) => c.name === 'article')!;
    expect(article).toMatchObject({ default_member_permissions: '32', contexts: [0] });
    expect(article.options?.map((o) => [o.name, o.name_localizations?.de])).toEqual([
      ['add', 'hinzufügen'],
      ['list', 'liste'],
      ['remove', 'entfernen'],
      ['misses', 'lücken'],
      ['recording', 'aufzeichnung'],
    ]);
  });

  it('a German-locale user gets a German refusal', async () => {
    const { edit } = await slash('ask', { question: 'What is the capital of France?' }, 'de');
    const embed = embedOf(edit!.body);
    expect(embed.description).toBe('**Nicht gefunden.** Der Artikel erwähnt „France“ nicht.');
    expect(embed.footer?.text).toBe('Durchsucht: alle 2 Artikel');
  });

  it('an English-locale user gets the English refusal', async () => {
    for (const locale of ['en-US', 'en-GB']) {
      const { edit } = await slash('ask', { question: 'What is the capital of France?' }, locale);
      const embed = embedOf(edit!.body);
      expect(embed.description).toBe('**Not found.** The article does not mention "France".');
      expect(embed.footer?.text).toBe('Searched all 2 articles');
    }
  });

  it('a German-locale user gets German /help; an English one English; a French one English', async () => {
    const german = embedOf((await slash('help', {}, 'de')).callback.data);
    expect(german.title).toBe(de.bot.help.title);
    expect(german.description).toContain('`/frage frage [artikel] [öffentlich] [thread]`');
    expect(german.fields?.[0]?.name).toBe('Artikel (2)');
    expect(embedOf((await slash('help', {}, 'en-US')).callback.data).title).toBe(en.bot.help.title);
    expect(embedOf((await slash('help', {}, 'fr')).callback.data).title).toBe(en.bot.help.title);
  });

  it('German answers: the quote untranslated, a German citation line, footer and buttons', async () => {
    const { edit } = await slash('ask', { question: 'Who runs AWS now?' }, 'de');
    const embed = embedOf(edit!.body);
    expect(embed.description).toMatch(/^> [^\n]*\*\*Andy Jassy\*\* weiter\.\n— ¶ 8, Satz 4\n\*gefunden: [^*\n]+\*$/);
    expect(embed.footer?.text).toMatch(/^Passage 1 von \d+ · DER SPIEGEL — /);
    const labels = (edit!.body as { components: { components: { label?: string }[] }[] }).components[0]!.components.map((b) => b.label);
    expect(labels).toContain('Mehr');
  });

  it('German cooldown, unknown article and /source labels', async () => {
    const who = user();
    await slash('source', {}, 'de', who);
    const second = await slash('source', {}, 'de', who);
    expect(second.callback).toMatchObject({ type: 4, data: { flags: MessageFlags.Ephemeral, content: expect.stringMatching(/^Langsam! Deine nächste Frage kann ich in [123] Sekunden? annehmen\.$/) } });
    const unknown = await slash('ask', { question: 'x', article: 'no-such-article' }, 'de');
    expect(unknown.callback.data.content).toContain('Es gibt keinen Artikel „no-such-article“');
    const source = embedOf((await slash('source', { article: 'spiegel-gchq-aws' }, 'de')).callback.data);
    expect(source.fields?.map((f) => f.name)).toEqual(['Medium', 'Autor', 'Sprache', 'Quellen, die der Artikel nennt']);
  });

  it('a mention is answered in the language of its question', async () => {
    const german = await discord.dispatchMessage({ content: 'Was ist die Hauptstadt von Frankreich?', mentionsBot: true, author: user() }).waitForReply();
    expect(embedOf(german.message).description).toBe('**Nicht gefunden.** Der Artikel erwähnt „Hauptstadt“ und „Frankreich“ nicht.');
    const english = await discord.dispatchMessage({ content: 'What is the capital of France?', mentionsBot: true, author: user() }).waitForReply();
    expect(embedOf(english.message).description).toBe('**Not found.** The article does not mention "France".');
  });

  it('questions about the article itself: German labels, summary line and missing-field refusal for a German-locale user, English for an English one', async () => {
    const byline = embedOf((await slash('ask', { question: 'Wer hat das geschrieben?', article: 'spiegel-gchq-aws' }, 'de')).edit!.body);
    expect(byline.description).toBe('**Autor:** jlk/Reuters\n*wörtlich aus Zeile 20 der Seite*');
    const about = embedOf((await slash('ask', { question: 'Worum geht es?', article: 'spiegel-gchq-aws' }, 'de')).edit!.body);
    expect(about.description).toMatch(/^\*Die Zusammenfassung des Artikels, in seinen eigenen Sätzen:\*\n\n> /);
    // the whole summary, not cut to one strong quote
    expect(about.description!.match(/^> /gm)).toHaveLength(3);
    expect(about.description!.match(/^— ¶ \d+, Satz \d+/gm)).toHaveLength(3);
    expect(about.footer?.text).toMatch(/^Sätze 1–3 von 3 · DER SPIEGEL — /);
    const none = embedOf((await slash('ask', { question: 'Wann ist er erschienen?', article: 'spiegel-gchq-aws' }, 'de')).edit!.body);
    expect(none.description).toBe('**Nicht gefunden.** Der Artikel hat kein Datum.');
    const all = embedOf((await slash('ask', { question: 'Wer hat das geschrieben?' }, 'de')).edit!.body);
    expect(all.description).toContain('**Autor von `spiegel-gchq-aws`:** jlk/Reuters');
    // The reader's language, not the question's: an English-locale user asking in German reads English.
    const english = embedOf((await slash('ask', { question: 'Wer hat das geschrieben?', article: 'spiegel-gchq-aws' }, 'en-US')).edit!.body);
    expect(english.description).toBe('**Byline:** jlk/Reuters\n*quoted verbatim from line 20 of the page*');
    // A mention has no locale: the question's language.
    const mention = await discord.dispatchMessage({ content: 'Wer hat den Artikel verfasst?', mentionsBot: true, author: user() }).waitForReply();
    expect(embedOf(mention.message).description).toContain('**Autor von `spiegel-gchq-aws`:** jlk/Reuters');
  });

  it('sent nothing Discord would refuse', () => {
    discord.assertNoUnexpectedRequests();
    for (const r of discord.requests) expect(r.status, `${r.method} ${r.path}`).toBeLessThan(400);
  });
});
