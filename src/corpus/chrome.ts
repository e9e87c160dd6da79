/**
 * Page chrome: the lines a scraper picks up that are not the article —
 * login and subscription prompts, reading-list and player notices, share
 * buttons, photo credits, "read more" link lists.
 *
 * The rules look at the *kind* of line (a call to action, the site addressing
 * the reader, a credit label, a link-list heading), in German and English, not
 * at any one site's wording. Readability-style libraries work on HTML; on
 * already-flattened text there is no maintained package, so these rules are
 * written by hand.
 */

/** Words of calls to action that sites put around articles (lower-case, matched as word starts). */
const CALL_TO_ACTION =
  /\b(?:jetzt\s+)?(?:anmelden|einloggen|abmelden|registrieren|abonnieren|abonnement|abo|probeabo|konto|login|log\s?in|sign\s?in|sign\s?up|subscribe|subscription|subscriber|register|newsletter|angebote[n]?|upgrade|free\s+trial|gratis\s+testen|weiterlesen|mitglied\s+werden|account)\b/i;

/** Site features that are never article text: reading lists, players, sharing, comments. */
const SITE_FEATURE =
  /\b(?:merkliste|leseliste|lesezeichen|lieblingsartikel|gemerkt|reading\s+list|saved\s+articles|bookmark(?:s|ed)?|wiedergabe|playback|video\s+(?:wird|is)\b|audio\s+(?:wird|is)\b|player|vorlesen|anhören|listen\s+to\s+this|mehrfachnutzung|gleichzeitige?\s+nutzung|zeitgleiche?\s+nutzung|cookies?|datenschutzeinstellungen|privacy\s+settings|kommentare?\s+(?:anzeigen|lesen)|show\s+comments|teilen|share\s+(?:this|on)|drucken|print\s+this)\b/i;

/** German formal address of the reader: "Speichern Sie", "Ihre", "Ihnen" (capitalised mid-line). */
const READER_ADDRESS_DE = /(?<=[\p{Ll},:;]\s)(?:Ihre?[mnrs]?|Ihnen)\b|^(?:Bitte\s+)?\p{L}\p{Ll}*n\s+Sie\b(?!\s+(?:sich|es)\b)/u;
/** English address of the reader in site prompts. */
const READER_ADDRESS_EN = /\b(?:you|your|you're|you've)\b/i;
/** The site speaking as "we" / "our" about its offers. */
const SITE_VOICE = /(?:^|\s)(?:[Ww]ir\s+(?:behalten|bitten|empfehlen|freuen|verwenden|nutzen)|unsere[nmrs]?\s+(?:Angebot|Abo|Newsletter|Datenschutz)|[Oo]ur\s+(?:offers?|subscriptions?|newsletter|privacy))/u;

/** Labels of photo and image credits. */
const CREDIT = /^(?:Foto|Fotos|Bild|Bilder|Bildquelle|Quelle|Grafik|Illustration|Video|Photo|Photos|Image|Picture|Credit|Source)\s*:\s*\S/i;
const COPYRIGHT = /^(?:©|\(c\)|Copyright\b)/i;

/** Headings of the link lists that follow an article ("Mehr lesen über", "Read more"). */
const FOOTER_MARKER =
  /^(?:mehr\s+(?:lesen\s+)?(?:über|zu|zum\s+thema)|mehr\s+zum\s+thema|lesen\s+sie\s+(?:auch|mehr)|weitere\s+artikel|das\s+könnte\s+sie\s+auch\s+interessieren|themen|schlagworte|read\s+more(?:\s+about)?|more\s+(?:on|about)(?:\s+this\s+(?:story|topic))?|related(?:\s+(?:articles|stories|topics))?|topics|you\s+may\s+also\s+like)\s*:?$/i;

/** Counts words in a line. */
function wordCount(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

/** True for a line that reads like a prompt of the site, not like the article. */
export function isChromeLine(line: string): boolean {
  const text = line.trim();
  if (!text) return false;
  if (isCreditLine(text)) return true;
  const short = wordCount(text) <= 8;
  // German formal address ("Speichern Sie Ihre …") and the site's "we" are strong signals on their own;
  // English "you" is common in ordinary prose, so it only counts next to a call to action.
  const strongAddress = READER_ADDRESS_DE.test(text) || SITE_VOICE.test(text);
  const weakAddress = READER_ADDRESS_EN.test(text);
  const cta = CALL_TO_ACTION.test(text);
  const feature = SITE_FEATURE.test(text);
  if ((cta || feature) && (short || strongAddress || weakAddress)) return true;
  // Quoted speech may address someone as "Sie" too; a line that contains a quotation is left alone.
  if (strongAddress && !/[»„“"]/.test(text)) return true;
  return false;
}

/** True for a photo or image credit ("Foto: Name, AGENCY", "© dpa"). */
export function isCreditLine(line: string): boolean {
  const text = line.trim();
  return (CREDIT.test(text) || COPYRIGHT.test(text)) && wordCount(text) <= 12;
}

/** True for the heading of a link list that follows the article; everything after it is page footer. */
export function isFooterMarker(line: string): boolean {
  return FOOTER_MARKER.test(line.trim());
}

/**
 * Detects a byline line: "Von Anna Muster", "By Jane Doe", or agency/author
 * initials joined by slashes as German news sites print them ("jlk/Reuters",
 * "dpa/AFP", "mbö/dpa"). Returns the byline text, or null.
 */
export function bylineOf(line: string): string | null {
  const text = line.trim();
  if (text.length > 60) return null;
  const named = /^(?:Von|By)\s+(\p{Lu}[\p{L}'.-]*(?:\s+(?:und|and|&|,)?\s*\p{Lu}?[\p{L}'.-]*){0,6})$/u.exec(text);
  if (named && /\p{Lu}/u.test(named[1] ?? '') && !/[.!?]$/.test(text)) return text;
  // Slash-joined initials and agencies, e.g. "jlk/Reuters", "dpa/AFP/afp", with at least one slash.
  if (/^[\p{L}]{2,12}(?:\s*\/\s*[\p{L}]{2,12}){1,4}$/u.test(text)) return text;
  return null;
}
