/** The one check of every limit Discord enforces on a message, shared by the bot's unit and hostile-input tests. */
import type { APIEmbed } from 'discord.js';
import { expect } from 'vitest';
import { embedLength, LIMITS } from '../../src/bot/format/limits.ts';

/** Asserts that a message's content and embeds are within all of Discord's limits. */
export function expectWithinLimits(message: { content?: string; embeds?: APIEmbed[] }): void {
  if (message.content !== undefined) expect(message.content.length).toBeLessThanOrEqual(LIMITS.content);
  const embeds = message.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  let total = 0;
  for (const e of embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.embedFooter);
    expect(e.author?.name.length ?? 0).toBeLessThanOrEqual(LIMITS.embedAuthor);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
    if (e.url !== undefined) expect(e.url.length).toBeLessThanOrEqual(LIMITS.url);
    total += embedLength(e);
  }
  expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
}
