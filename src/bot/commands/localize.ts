/**
 * Command names and descriptions from the catalogues: English as Discord's
 * default, every other language as `name_localizations` and
 * `description_localizations` (Discord shows each user their own).
 */
import type { LocaleString } from 'discord.js';
import { type Catalogue, de, en } from '../../i18n/index.ts';

/** Every other language, with the Discord locale it is shown to. */
const LOCALISED: readonly [LocaleString, Catalogue][] = [['de', de]];

/** A command's or option's texts in one catalogue. */
interface Texts {
  name: string;
  description?: string;
}

/** What the discord.js builders of commands, subcommands and options have in common. */
interface Named {
  setName(name: string): unknown;
  setNameLocalizations(localizations: Partial<Record<LocaleString, string | null>> | null): unknown;
}
interface Described extends Named {
  setDescription(description: string): unknown;
  setDescriptionLocalizations(localizations: Partial<Record<LocaleString, string | null>> | null): unknown;
}

/** Every localisation of a text. */
export function localizations(pick: (c: Catalogue) => string): Partial<Record<LocaleString, string>> {
  return Object.fromEntries(LOCALISED.map(([locale, c]) => [locale, pick(c)]));
}

/** Sets a builder's name (and description, when it has one) in English, with every other language's. */
export function texts<B extends Named>(builder: B, pick: (c: Catalogue) => Texts): B {
  builder.setName(pick(en).name);
  builder.setNameLocalizations(localizations((c) => pick(c).name));
  const description = pick(en).description;
  if (description !== undefined) {
    const b = builder as unknown as Described;
    b.setDescription(description);
    b.setDescriptionLocalizations(localizations((c) => pick(c).description ?? description));
  }
  return builder;
}
