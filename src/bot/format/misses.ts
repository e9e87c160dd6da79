/** `/article misses` as an embed: the most frequent unanswered questions and the most downvoted quotes. Pure. */
import type { APIEmbed } from 'discord.js';
import type { Sentence } from '../../corpus/types.ts';
import { type Catalogue, en } from '../../i18n/index.ts';
import type { Misses } from '../feedback/records.ts';
import { escapedFit } from './text.ts';
import { fitEmbed, LIMITS } from './limits.ts';

/** Embed colour of the moderators' view. */
export const MISSES_COLOR = 0xc05621;

/** The id of a metadata answer (`ARTICLE:FIELD`, see `Answer.sentenceId`) whose field has no sentence. */
const METADATA_ID = /^(.+):(byline|date|publisher|url)$/;

/** Joins lines while they fit in `max`. */
function fitLines(lines: readonly string[], max: number): string {
  let out = '';
  for (const line of lines) {
    const next = out ? `${out}\n${line}` : line;
    if (next.length > max) break;
    out = next;
  }
  return out;
}

/**
 * The moderators' view: each unanswered question with how often it was asked
 * (and the article asked about), each downvoted quote with its votes, where it
 * stands and the question it answered. Every recorded text is escaped.
 */
export function renderMisses(m: Misses, sentence: (id: string) => Pick<Sentence, 'text' | 'paragraph' | 'sentence' | 'articleId'> | undefined, t: Catalogue = en): APIEmbed {
  const a = t.bot.article;
  const unanswered = m.unanswered.map((q) => `**${a.times(q.count)}** ${escapedFit(q.question, 300)}${q.article ? ` · \`${q.article.replace(/`/g, 'ˋ').slice(0, 64)}\`` : ''}`);
  const downvoted = m.downvoted.map((d) => {
    const s = sentence(d.sentenceId);
    // A metadata answer ("Who wrote this?") was voted down: its id is `ARTICLE:FIELD`, no sentence.
    const field = s ? null : METADATA_ID.exec(d.sentenceId);
    const quote = s
      ? `„${escapedFit(s.text, 200)}“ — ${escapedFit(s.articleId, 64)} ${t.citation.where(s.paragraph, s.sentence)}`
      : field
        ? `${t.metadata.labels[field[2] as keyof Catalogue['metadata']['labels']]} — ${escapedFit(field[1]!, 64)}`
        : `${escapedFit(d.sentenceId, 100)} (${a.gone})`;
    return `**${a.times(d.count)}** ${quote}\n${escapedFit(a.asked(d.question), 200)}`;
  });
  return fitEmbed({
    color: MISSES_COLOR,
    title: a.missesTitle,
    fields: [
      { name: a.unanswered, value: fitLines(unanswered, LIMITS.fieldValue) || a.nothing, inline: false },
      { name: a.downvoted, value: fitLines(downvoted, LIMITS.fieldValue) || a.nothing, inline: false },
    ],
    footer: { text: m.recording ? a.recordedNote : a.recordingOffNote.replace(/`/g, '') },
  });
}
