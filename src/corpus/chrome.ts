/**
 * Page chrome, line by line: what a scraper picks up that is not the article.
 * Each rule looks at the *kind* of a line, in German and English, never at
 * one site's wording:
 * - calls to action, offers and prompts of the site (login, subscription,
 *   ad-blocker and cookie notices, reading lists, players, sharing);
 * - the site addressing the reader ("Klicken Sie …", "Sehen Sie … in
 *   unserer Bildergalerie") or speaking as "we" about its offers;
 * - credit labels anywhere on a line ("Foto: …", "Daten: …/Grafik: …",
 *   "© …"), image file names;
 * - date | time | reading-time | author rows, and a label with no value
 *   ("Erstellt:");
 * - video and audio teasers ending in a duration ("… | 1:34 min");
 * - UI words and links (menus, "Kommentare", "Zur Galerie …", "Mehr X"),
 *   counts ("8 Bilder", "1/12"), lines without words ("+", "|");
 * - bylines ("Von X", "X, dpa", "(dpa)", "By X", "jlk/Reuters"), which are
 *   metadata, not sentences.
 * What needs a line's neighbours (navigation above the headline, link lists,
 * repeated lines, alt texts above captions) is in layout.ts.
 *
 * Readability-style libraries work on HTML; on already-flattened text there
 * is no maintained package, so these rules are written by hand.
 */

/** Counts words in a line. */
function wordCount(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

/** Quotation marks: a line holding a quotation may address someone in it, as speech. */
const QUOTE_MARK = /[»«„“”"]/;

/** List markers that open a line: bullets, dashes, "1.". */
export const LIST_MARKER = /^(?:[•·▪►▸‣◦*–—-]|\d{1,2}[.)])\s+/u;

/** Words of calls to action that sites put around articles (matched as whole words). */
const CALL_TO_ACTION =
  /\b(?:jetzt\s+)?(?:anmelden|einloggen|ausloggen|loggen|abmelden|registrieren|abonnieren|abonnement|abo|probeabo|konto|login|log\s?in|sign\s?in|sign\s?up|subscribe|subscription|subscriber|register|newsletter|angebote[n]?|upgrade|free\s+trial|gratis\s+testen|kostenlos\s+testen|jetzt\s+testen|weiterlesen|mitglied\s+werden|account)\b/i;

/** Offers of the site: prices per month, trial months, "cancel any time", ad-free reading. */
const OFFER =
  /\b(?:jederzeit\s+kündbar|werbefrei\w*|ad-?blocker\w*|adblocker\w*|werbeblocker\w*|werbeblockierung|probemonat|im\s+ersten\s+monat|unbegrenzte[nrs]?\s+zugang|unlimited\s+access|cancel\s+any\s?time|\d+(?:[.,]\d{2})?\s?€\s*(?:im|pro|\/)\s*monat|per\s+month)\b/i;

/**
 * Site features that are never article text: reading lists, players, sharing,
 * comments. (Bare "teilen", "drucken", "Player" are ordinary words of news
 * text; as button labels they are caught as menu words, see UI_WORDS.)
 */
const SITE_FEATURE =
  /\b(?:merkliste|leseliste|lesezeichen|lieblingsartikel|gemerkt|reading\s+list|saved\s+articles|bookmark(?:s|ed)?|wiedergabe|playback|video\s+(?:wird|is)\b|audio\s+(?:wird|is)\b|(?:video|audio)-?player|vorlesen|anhören|listen\s+to\s+this|mehrfachnutzung|gleichzeitige?\s+nutzung|zeitgleiche?\s+nutzung|cookies?|datenschutzeinstellungen|privacy\s+settings|kommentare?\s+(?:anzeigen|lesen)|show\s+comments|share\s+(?:this|on)|print\s+this)\b/i;

/** German formal address of the reader: "Speichern Sie", "Ihre", "Ihnen" (capitalised mid-line). */
const READER_ADDRESS_DE = /(?<=[\p{Ll},:;]\s)(?:Ihre?[mnrs]?|Ihnen)\b|^(?:Bitte\s+)?\p{L}\p{Ll}*n\s+Sie\b(?!\s+(?:sich|es)\b)/u;
/** "Sie" after a lower-case word is the reader ("können Sie"), not "she" or "they" (which are lower case there). */
const FORMAL_SIE = /(?<=\p{Ll}\s)Sie\b/u;
/** A request to the reader: "Bitte aktualisieren Sie …", "Bitte beachten Sie". */
const PLEASE = /\bBitte\s+\p{Ll}+\s+Sie\b|\bplease\s+(?:enable|disable|turn|allow|accept|log|sign|subscribe|click|select|update|reload|refresh)\b/iu;
/** An imperative to the reader opening the line: "Klicken Sie", "Lesen Sie", "Sehen Sie". */
const IMPERATIVE_DE = /^(?:Bitte\s+)?\p{Lu}\p{Ll}*e?n\s+Sie\b/u;
/** English address of the reader in site prompts. */
const READER_ADDRESS_EN = /\b(?:you|your|you're|you've)\b/i;
/** Informal German address ("damit du weisst"): in news text only in quotations and site blurbs. */
const INFORMAL_ADDRESS_DE = /\b(?:du|dich|dir|dein|deine[mnrs]?)\b/u;
/** The site speaking as "we" / "our" about its offers. */
const SITE_VOICE = /(?:^|\s)(?:[Ww]ir\s+(?:behalten|bitten|empfehlen|freuen|verwenden|nutzen)|unsere[nmrs]?\s+(?:Angebot|Abo|Newsletter|Datenschutz)|[Oo]ur\s+(?:offers?|subscriptions?|newsletter|privacy))/u;
/** "We", "our" in German and English. */
const FIRST_PLURAL = /(?:^|[\s(])(?:[Ww]ir|[Uu]ns|[Uu]nser(?:e[mnrs]?|es)?|[Ww]e|[Oo]ur|[Uu]s)\b/u;
/**
 * Nouns of the site itself, its business and its pages. With the site's
 * "we" or the reader's "you" they make a line a notice of the site:
 * "unseres journalistischen Angebots", "Ihren Ad-Blocker", "dieses Banner".
 */
const SITE_NOUN =
  /\b(?:Angebot\w*|Abo\w*|Newsletter\w*|Datenschutz\w*|Cookies?|Werbepartner\w*|Werbung|Anzeigen|Werbeblock\w*|Ad-?Blocker\w*|journalistisch\w*|Merkliste|Konto|Bildergalerie|Galerie|Fotostrecke|Banner|Browser|Website|Webseite|Homepage|Benutzerkonto|Login|Passwort|Push-Mitteilung\w*|cookies?|newsletters?|subscri\w+|advertis\w+|ad\s?blocker|privacy|journalism|account|gallery|browser|website)\b/u;

/** A credit label opening a line: "Foto: …", "Daten: KBA/Grafik: …", "Photograph: …". */
const CREDIT = /^(?:Fotos?|Bild(?:er|quelle|rechte)?|Quelle|Quellen|Grafik|Infografik|Karte|Daten|Illustration|Montage|Collage|Video|Audio|Photos?|Photograph|Image|Picture|Credit|Credits|Source|Graphic|Map|Data)\s*:\s*\S/iu;
const COPYRIGHT = /^(?:©|\([cC]\)|[Cc]opyright\b|(?:Photograph|Photo|Image|Picture|Illustration|Video)s?\s+(?:[Bb]y|[Cc]ourtesy\s+of)\s+\p{Lu}|(?:Foto|Bild|Fotos|Bilder)\s+von\s+\p{Lu})/u;
/** A credit after a caption on the same line: after a sentence end or "|", a label and a colon, or "©" anywhere. */
const TRAILING_CREDIT = /(?:(?<=[.!?»«“”")\]|]\s*)\(?(?:Fotos?|Bild(?:er|quelle|rechte)?|Quelle|Quellen|Grafik|Infografik|Karte|Daten|Illustration|Montage|Collage|Video|Audio|Photos?|Photograph|Image|Picture|Credit|Credits|Source|Graphic|Map|Data)\s*:|©|\(c\)\s)/gu;
/**
 * A line that is only the name of a photo agency or two ("Getty Images",
 * "picture alliance/dpa", "IMAGO/Sven Simon"): a credit printed without a
 * label, above or below its caption.
 */
const AGENCY_CREDIT =
  /^(?:Getty\s+Images|picture\s+alliance|IMAGO|imago(?:\s+images)?|Shutterstock|iStock(?:photo)?|Alamy|EPA(?:-EFE)?|Keystone|Reuters|AFP|AP|dpa|PA\s+Media|PA|ddp|Sipa|Bloomberg|Xinhua|Anadolu)(?:\s*(?:\/|via|\||,)\s*[\p{L}][\p{L}\p{M}.'’ -]{0,30}){0,3}$/u;

/** An image's file name, as scrapers pick up from alt and title attributes: "leo_markt3_011222_4c", "IMG_2041.jpg". */
const FILE_NAME = /^(?:[\p{L}\p{N}-]*_[\p{L}\p{N}_.-]*|[\p{L}\p{N}_.-]+\.(?:jpe?g|png|gif|webp|avif|svg|tiff?))$/iu;

/** Headings of the link lists that follow an article ("Mehr lesen über", "Read more"). */
const FOOTER_MARKER =
  /^(?:mehr\s+(?:lesen\s+)?(?:über|zu|zum\s+thema)|mehr\s+zum\s+thema|mehr\s+aus\s+dem\s+ressort|lesen\s+sie\s+(?:auch|mehr)(?:\s+zum\s+thema)?|weitere\s+(?:artikel|nachrichten|themen)|auch\s+interessant|das\s+könnte\s+sie\s+auch\s+interessieren|empfehlungen(?:\s+der\s+redaktion)?|meistgelesen|meistgelesene\s+artikel|themen|schlagworte|read\s+more(?:\s+about)?|more\s+(?:on|about|from)(?:\s+this\s+(?:story|topic))?|most\s+read|related(?:\s+(?:articles|stories|topics|content|coverage|news|posts|links|videos|reading))?|topics|you\s+may\s+also\s+like|recommended(?:\s+(?:for\s+you|stories|articles|reading|videos))?|(?:verwendete\s+)?quellen|sources?(?:\s+used)?)\s*:?$/i;

/** Dates, times and durations, as rows above and below articles print them (every regular expression here is a literal). */
const DATE_TIME_TOKENS = [
  /\b\d{1,2}\.?\s*(?:Jan(?:uar|uary)?|Jän(?:ner)?|Feb(?:ruar|ruary)?|Mär(?:z)?|Mar(?:ch)?|Apr(?:il)?|Mai|May|Jun[ie]?|Jul[iy]?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Okt(?:ober)?|Oct(?:ober)?|Nov(?:ember)?|Dez(?:ember)?|Dec(?:ember)?)\.?(?:\s*\d{4})?(?![\p{L}])/giu,
  /\b(?:Jan(?:uar|uary)?|Jän(?:ner)?|Feb(?:ruar|ruary)?|Mär(?:z)?|Mar(?:ch)?|Apr(?:il)?|Mai|May|Jun[ie]?|Jul[iy]?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Okt(?:ober)?|Oct(?:ober)?|Nov(?:ember)?|Dez(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?(?:\s+\d{4})?\b/giu,
  /\b\d{1,2}\.\s?\d{1,2}\.(?:\s?\d{2,4})?/g,
  /\b\d{4}-\d{2}(?:-\d{2})?(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?/g,
  /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/g,
  /\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:Uhr|h|am|pm|a\.m\.|p\.m\.|MEZ|MESZ|CET|CEST|UTC|GMT|BST|ET|EST|PT))?/gi,
  /\b\d+\s*(?:Min\.?|Minuten|min\.?|mins?|minutes?|Sek\.?|Sekunden|sec|seconds?|Std\.?|Stunden|hours?)(?![\p{L}])/giu,
  /\bvor\s+\d+\s+\p{L}+|\b\d+\s+(?:minutes?|hours?|days?)\s+ago\b/giu,
];
/** Words that date rows carry besides dates: labels, weekdays, "Uhr". */
const DATE_ROW_WORDS =
  /\b(?:Lesezeit|Lesedauer|Hördauer|Stand|Erstellt|Aktualisiert|Veröffentlicht|Datum|zuletzt|am|um|vor|Uhr|heute|gestern|ago|Updated|Published|Posted|Created|Modified|Last|Reading|time|read|date|on|at|today|yesterday|Geändert|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Mo|Di|Mi|Do|Fr|Sa|So|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun|PST|PDT|EST|EDT|CST|CDT|MST|MDT|AEST|AEDT|ET|PT|BST|GMT|UTC|CET|CEST|MEZ|MESZ)\b\.?/giu;

/** Words of a site's interface: menus, buttons, section links (lower case). */
const UI_WORDS = new Set(
  (
    'startseite home homepage menü menu navigation suche suchen search schließen close zurück back weiter next vorherige previous ' +
    'teilen share geteilt drucken print merken gemerkt speichern save kommentare kommentar kommentieren comments comment antworten ' +
    'reply melden report anzeige werbung advertisement sponsored gesponsert galerie bildergalerie fotostrecke gallery video videos ' +
    'audio podcast podcasts newsletter login anmelden abmelden registrieren mehr more alle all themen thema topics ressort ressorts ' +
    'rubrik rubriken impressum datenschutz kontakt agb cookies einstellungen settings facebook twitter x whatsapp telegram linkedin ' +
    'pinterest instagram e-mail email mail link kopieren copy abonnieren subscribe folgen follow playlist abspielen play pause ' +
    'vollbild fullscreen zur zum zu to the go view watch artikel article bilder bild fotos foto photos photo images liveblog ' +
    'ticker übersicht overview top oben nach scroll hören listen ansehen vorlesen anhören akzeptieren accept ablehnen reject ' +
    'zustimmen agree ok okay optionen options privacy terms conditions nutzungsbedingungen passwort password vergessen forgot ' +
    'skip content inhalt springen main anzeigen weniger less show see einblenden ausblenden aufklappen zuklappen expand collapse ' +
    'feedback lesen read'
  ).split(' '),
);

/** "Zur Galerie …", "Zum Video", "Watch the video": a link to another part of the site, with whatever text it teases. */
const LINK_TO =
  /^(?:Zur|Zum|Zu\s+den|Hier\s+(?:zur|zum|geht's\s+zu[mr]?)|Go\s+to|To\s+the|View|Watch|See)\s+(?:the\s+)?(?:Galerie|Bildergalerie|Fotostrecke|Videos?|Artikel|Startseite|Übersicht|Kommentaren?|Podcast|Liveblog|Livestream|Ticker|Audio|gallery|video|article|comments|live\s*blog|photos)\b/iu;
/** "Mehr Sport", "Mehr «Wissen»", "Alle Artikel": a link to a section. */
const MORE_LINK = /^(?:Mehr|More|Alle|All|Weitere)\s+(?:[«»„“"‚']\S+[«»“”"‘']|\p{Lu}[\p{L}-]*)$/u;
/**
 * The site's legal small print and citation boilerplate after an article: "This document is subject to copyright.
 * …", "Alle Rechte vorbehalten", "Citation: <headline> (2019, October 22) retrieved … from https://…".
 */
const SMALL_PRINT =
  /^(?:(?:this|the)\s+(?:document|article|content|material|story)\s+is\s+(?:subject\s+to|protected\s+by)\s+copyright|all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten|citation\s*:.*\bretrieved\b.*\bfrom\s+https?:\/\/)/isu;
/** The signature under an embedded social-media post: "— Dave Schukin (@schukin) July 3, 2019", "— Name (@name) 3. Juli 2019". */
const EMBED_SIGNATURE = /^[—–-]\s*\S.{0,60}\(@\w{1,30}\)\s+(?:\p{L}+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\.\s+\p{L}+\s+\d{4})$/u;
/** A list's labels for screen readers, printed as text: "list of 3 items", "list 1 of 3…", "end of list". */
const LIST_LABEL = /^(?:list\s+of\s+\d+\s+items?|list\s+\d+\s+of\s+\d+|end\s+of\s+list)/iu;
/** Counts the page prints on links and galleries: "8 Bilder", "Kommentare (12)", "Slideshow ( 15 images )", "Bild 3 von 8", "1/12". */
const COUNT =
  /^(?:\(?\d+\)?\s+(?:Bilder|Fotos|Videos|Kommentare|Antworten|Beiträge|Artikel|Photos|Images|Pictures|Comments|Replies|Slides)|(?:Kommentare|Comments|Galerie|Gallery|Bildergalerie|Fotostrecke|Slideshow|Bilder|Fotos|Photos)\s*\(\s*\d+(?:\s+(?:Bilder|Fotos|Images|Photos|Pictures|Slides))?\s*\)|(?:Bild|Foto|Photo|Image|Slide)\s+\d+\s+(?:von|of|\/)\s+\d+|\d+\s*\/\s*\d+)$/iu;
/** A video or audio teaser ends in its running time: "… 09.10.2024 | 1:34 min". */
const MEDIA_DURATION = /\|\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:min\.?|Min\.?|Minuten)?\s*$/u;

/** Photo agencies as credits name them, for a credit in parentheses. */
const PHOTO_AGENCY = /^(?:Getty(?:\s+Images)?|picture\s+alliance|IMAGO|imago(?:\s+images)?|Shutterstock|iStock(?:photo)?|Alamy|EPA(?:-EFE)?|Keystone|Reuters|AFP|AP|dpa|PA(?:\s+Media)?|ddp|Sipa|Bloomberg|Xinhua|Anadolu|Corbis|Redux|NurPhoto|SOPA\s+Images|Zuma(?:\s+Press)?|LightRocket|Agence\s+France-Presse|Associated\s+Press)$/u;

/**
 * A credit in parentheses under a caption, a photographer and agencies joined
 * by slashes: "(Thomas Coex/AFP/Getty Images)", "(Jane Doe/dpa)". At least
 * one slash and one agency, so a signature such as "(dpa)" stays a byline.
 */
function isParenthesisedCredit(text: string): boolean {
  const m = /^\(([^()]{3,80})\)$/u.exec(text);
  if (!m) return false;
  const parts = m[1]!.split(/\s*\/\s*/);
  return parts.length >= 2 && parts.length <= 4 && parts.some((p) => PHOTO_AGENCY.test(p)) && parts.every((p) => /^\p{L}[\p{L}\p{M}.'’ -]{1,40}$/u.test(p));
}

/** True for a photo or image credit ("Foto: Name, AGENCY", "(Foto: dpa)", "© dpa", "(Name/AFP/Getty Images)"). */
export function isCreditLine(line: string): boolean {
  const text = line.trim();
  // A labelled credit may stand in brackets: "(Foto: rclassen/photocase; Bearbeitung SZ)".
  const bare = /^\((.+)\)$/su.exec(text)?.[1] ?? text;
  return ((CREDIT.test(bare) || COPYRIGHT.test(bare)) && wordCount(bare) <= 12) || isAgencyCredit(text) || isParenthesisedCredit(text);
}

/** True for a credit that is only a photo agency's name ("Getty Images", "picture alliance/dpa"). */
export function isAgencyCredit(line: string): boolean {
  return AGENCY_CREDIT.test(line.trim());
}

/** True for an image's file name standing as a line. */
export function isFileName(text: string): boolean {
  return FILE_NAME.test(text.trim());
}

/**
 * Where a credit starts inside a caption line ("Kräne am Kai. Foto: X/dpa",
 * "leo_4c © Name"): the offset of its label, or -1. The credit must end the
 * line and be short, as credits are.
 */
export function trailingCreditAt(line: string): number {
  TRAILING_CREDIT.lastIndex = 0;
  for (let m = TRAILING_CREDIT.exec(line); m; m = TRAILING_CREDIT.exec(line)) {
    if (m.index === 0) continue;
    const rest = line.slice(m.index);
    if (wordCount(rest) <= 10 && !/[.!?]\s+\p{Lu}\p{Ll}+\s+\p{Ll}/u.test(rest)) return m.index;
  }
  // A photographer and agencies in parentheses after the caption's last sentence: "… on March 18. (Name/AFP/Getty Images)".
  const paren = /(?<=[.!?»«“”"]\s*)\([^()]{3,80}\)\s*$/u.exec(line);
  if (paren && isParenthesisedCredit(paren[0].trim())) return paren.index;
  return -1;
}

/** True for the heading of a link list that follows the article; everything after it is page footer. */
export function isFooterMarker(line: string): boolean {
  return FOOTER_MARKER.test(line.trim());
}

/** True for a line that reads like a prompt of the site, not like the article. */
export function isChromeLine(line: string): boolean {
  return promptWhy(line.trim()) !== null;
}

/** A label that introduces a link to another article: "Read more: …", "Lesen Sie auch: …", "Mehr zum Thema: …". */
const LINK_LABEL = /^(?:read\s+more|see\s+also|related|also\s+read|lesen\s+sie\s+(?:auch|mehr|hier)|mehr\s+zum\s+thema|auch\s+interessant|weiterlesen|zum\s+thema)\s*:\s*\S/iu;

/**
 * A note on where the piece comes from or where to get the rest, as syndicated
 * and magazine pieces carry: "Dieser Beitrag stammt aus Ausgabe 7/2019 der …",
 * "This article originally appeared in …", "Das Heft ist ab … im Handel
 * erhältlich", "Den kompletten Beitrag lesen Sie in …", and what a series
 * says of itself: "In dieser Rubrik stellen wir immer dienstags … vor".
 */
const PUBLICATION_NOTE =
  /^(?:diese[rs]?\s+(?:beitrag|artikel|text|bericht|reportage|interview|kolumne)\s+(?:stammt|erschien|ist\s+(?:zuerst|erstmals|ursprünglich))|(?:der|dieser)\s+(?:beitrag|artikel|text)\s+(?:erschien|wurde)\s+(?:zuerst|erstmals|ursprünglich)|this\s+(?:article|story|piece|post|report|interview|column)\s+(?:first\s+|originally\s+)?(?:appeared|ran|was\s+(?:first\s+|originally\s+)?(?:published|posted))|(?:den|die|das)\s+(?:kompletten|vollständigen|ganzen|gesamten)\s+(?:beitrag|artikel|text|bericht|reportage)\s+lesen\s+sie|read\s+the\s+(?:full|whole|complete)\s+(?:article|story)|in\s+(?:dieser|unserer)\s+(?:rubrik|serie|kolumne|reihe)\s+(?:\S+\s+){0,2}?(?:stellen|zeigen|erklären|präsentieren|sammeln|beantworten|beleuchten|geben)\s+wir|in\s+this\s+(?:series|column|feature),?\s+we\s)|\b(?:heft|ausgabe|magazin|zeitschrift)\b.{0,60}?\b(?:im\s+(?:zeitschriften)?handel|am\s+kiosk)\b.{0,60}?\berhältlich\b/iu;

/** Why a line is a prompt or notice of the site, or null. */
function promptWhy(text: string): string | null {
  if (!text) return null;
  const short = wordCount(text) <= 8;
  const quoted = QUOTE_MARK.test(text);
  // German formal address ("Speichern Sie Ihre …") and the site's "we" are strong signals on their own;
  // English "you" is common in ordinary prose, so it only counts next to a call to action.
  const strongAddress = READER_ADDRESS_DE.test(text) || SITE_VOICE.test(text);
  const weakAddress = READER_ADDRESS_EN.test(text);
  const cta = CALL_TO_ACTION.test(text);
  const feature = SITE_FEATURE.test(text);
  if ((cta || feature) && (short || strongAddress || weakAddress)) return 'call to action of the site';
  const address = READER_ADDRESS_DE.test(text) || FORMAL_SIE.test(text) || IMPERATIVE_DE.test(text) || weakAddress;
  // An offer's words ("im ersten Monat", "werbefrei") also occur in consumer news: short lines or the reader addressed.
  if (OFFER.test(text) && (short || (address && wordCount(text) <= 30))) return 'offer of the site';
  if (LINK_LABEL.test(text) && wordCount(text) <= 20) return 'link to another article';
  if (quoted) return null;
  if (PUBLICATION_NOTE.test(text) && wordCount(text) <= 30) return 'note on the publication';
  if (PLEASE.test(text)) return 'request to the reader';
  // The site's notice ("unseres journalistischen Angebots sind wir …"), not a speaker's "wir" reported without quotation marks.
  const reported = /,\s*(?:sagte|sagt|sagten|erklärte|betonte|meinte|so|hieß es|said|says|told)\b/u.test(text);
  if ((address || FIRST_PLURAL.test(text)) && SITE_NOUN.test(text) && wordCount(text) <= 30 && !reported) return 'notice of the site';
  if (IMPERATIVE_DE.test(text) && wordCount(text) <= 6 && !/:$/.test(text)) return 'prompt to the reader';
  // Quoted speech may address someone as "Sie" too; a line that contains a quotation is left alone (above).
  if (strongAddress && short) return 'prompt to the reader';
  return null;
}

/** The words of a line, lower-cased, without punctuation and numbers. */
function bareWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}-]+/u)
    .map((w) => w.replace(/^-+|-+$/g, ''))
    .filter(Boolean);
}

/** True for a line made of interface words only ("Kommentare", "Teilen Drucken", "Alle akzeptieren"). */
function isUiLabel(text: string): boolean {
  const words = bareWords(text);
  return words.length > 0 && words.length <= 4 && !/[.!?]$/.test(text) && words.every((w) => UI_WORDS.has(w));
}

/** A date | time | reading time | author row, and the byline in it if any; null for other lines. */
export function dateRowOf(line: string): { byline: string | null } | null {
  const text = line.trim();
  if (!text || wordCount(text) > 24) return null;
  let dated = false;
  let byline: string | null = null;
  for (const part of text.split(/\s+[|·•]\s+|\s*\|\s*/)) {
    if (!part) continue;
    const by = bylineOf(part);
    if (by) {
      byline ??= by;
      continue;
    }
    let rest = part;
    for (const re of DATE_TIME_TOKENS) {
      re.lastIndex = 0;
      const next = rest.replace(re, ' ');
      if (next !== rest) dated = true;
      rest = next;
    }
    rest = rest.replace(DATE_ROW_WORDS, ' ');
    // A byline after the date in the same part: "2/26/2015 7:11 AM PST BY TMZ STAFF".
    const byAt = dated ? /(?:^|\s)(?:by|von)\s+/iu.exec(rest) : null;
    const trailing = byAt ? bylineOf(rest.slice(byAt.index).trim()) : null;
    if (trailing) {
      byline ??= trailing;
      rest = rest.slice(0, byAt!.index);
    }
    const left = rest.split(/[^\p{L}\p{N}-]+/u).filter((w) => /\p{L}/u.test(w));
    // What may stand beside the date: a place ("Berlin"), at most two capitalised words.
    if (left.length > 2 || left.some((w) => !/^\p{Lu}/u.test(w))) return null;
  }
  return dated ? { byline } : null;
}

/** News agencies (and the German agencies' regional services), as bylines and datelines name them. */
const AGENCIES = new Set(
  'dpa dpa-afx afp ap rtr reuters epd kna sid dts apa sda anp belga efe ansa bloomberg pa upi lhe lno lnw lby lsw lni lsa lmv lrs lth lbn'.split(' '),
);
/** One name in a byline: capitalised words with particles ("Constanze von Bullion", "Paul-Anton Krüger"). */
const NAME = /^\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:(?:von|van|de|der|den|du|zu|di|da|del|la|le|al|bin|ten|ter|vom|zur)\s+)*\p{Lu}[\p{L}\p{M}'’.-]*){0,3}$/u;
/** What opens a byline: "Von", "By", "Text:", "Autor:", and a genre before "von" / "by": "Gastbeitrag von", "Ein Kommentar von", "Analysis by". */
const BY =
  /^(?:(?:(?:Ein|Eine|A|An)\s+)?(?:Gastbeitrag|Gastkommentar|Kommentar|Analyse|Essay|Kolumne|Glosse|Leitartikel|Reportage|Guest\s+(?:post|column|essay)|Commentary|Analysis|Opinion|Column|Essay)\s+(?:von|by)|Von|von|VON|By|by|BY|Text|Texte|Autor|Autorin|Autoren|Author|Authors|Words)\s*:?\s+/u;
const PAREN_AGENCY = /^\(\s*\p{L}{2,12}(?:\s*\/\s*\p{L}{2,12}){0,3}\s*\)$/u;
const REPORTING_BY = /^(?:(?:Additional\s+)?[Rr]eporting|Writing|Editing|Compiled)\s+by\s+\p{Lu}/u;

/** True for a list of names: "A", "A und B", "A, B, C and D, Berlin". */
function isNames(text: string): boolean {
  const parts = text.split(/\s*(?:,|\bund\b|\band\b|&)\s*/u).filter(Boolean);
  return parts.length > 0 && parts.length <= 8 && parts.every((p) => NAME.test(p));
}

/** True for one person's name standing alone: two to four capitalised words ("Jane Doe", "Lisa von der Au"). */
export function isPersonName(line: string): boolean {
  const text = line.trim();
  const words = wordCount(text);
  return words >= 2 && words <= 5 && !/[\d,]/.test(text) && NAME.test(text);
}

/**
 * True for what a paragraph is signed with in parentheses: agencies and an
 * author's initials (lower case), joined by slashes: "dpa", "AFP", "roe",
 * "jlk/Reuters". Not a capitalised word such as a table cell's "(Unknown)".
 */
function isSignature(text: string): boolean {
  return text.split(/\s*\/\s*/).every((a) => AGENCIES.has(a.trim().toLowerCase()) || /^\p{Ll}{2,5}$/u.test(a.trim()));
}

/** True for agencies joined by slashes: "dpa", "AFP/dpa". */
function isAgencies(text: string): boolean {
  return text.split(/\s*\/\s*/).every((a) => AGENCIES.has(a.toLowerCase()));
}

/**
 * Detects a byline line: "Von Anna Muster", "von Frank Hellmann, Berlin",
 * "Von A, B und C", "By Jane Doe", "Anna Muster, dpa", "(dpa)", agency or
 * author initials joined by slashes as German news sites print them
 * ("jlk/Reuters", "dpa/AFP", "mbö/dpa"), "Reporting by …". Returns the
 * byline text, or null.
 */
export function bylineOf(line: string): string | null {
  const text = line.trim();
  if (text.length > 160 || /[.!?]$/.test(text.replace(/\b(?:Jr|Sr|Dr|Prof)\.$/, ''))) return null;
  const by = BY.exec(text);
  if (by && isNames(text.slice(by[0].length))) return text;
  const comma = text.lastIndexOf(',');
  if (comma > 0 && isAgencies(text.slice(comma + 1).trim()) && isNames(text.slice(0, comma))) return text;
  if (PAREN_AGENCY.test(text) && isSignature(text.slice(1, -1))) return text;
  if (REPORTING_BY.test(text)) return text;
  // Slash-joined initials and agencies, e.g. "jlk/Reuters", "dpa/AFP/afp", with at least one slash.
  if (text.length <= 60 && /^[\p{L}]{2,12}(?:\s*\/\s*[\p{L}]{2,12}){1,4}$/u.test(text)) return text;
  return null;
}

/** The agency of a dateline opening a line: "Wiesbaden (dpa) - …" → "dpa"; null without one. */
export function datelineAgencyOf(line: string): string | null {
  const m = /^\p{Lu}[\p{L}\p{M}.\/ -]{1,40}?\s*\(([\p{L}\/ -]{2,24})\)\s*[-–—:.]\s*\S/u.exec(line.trim());
  return m ? m[1]!.trim() : null;
}

/** Author initials or an agency in parentheses after a paragraph's last sentence: "… zu erreichen. (roe)". */
export const TRAILING_AUTHOR = /(?<=[.!?»«“”"])\s+\((\p{Ll}{2,5}(?:\s*\/\s*\p{L}{2,12}){0,2}|[\p{L}]{2,8}\s*\/\s*[\p{L}]{2,12})\)$/u;

/** What kind of chrome a line is on its own, as a reason a person can read; null when it may be article text. */
export function lineChromeWhy(line: string): string | null {
  const text = line.trim();
  if (!text) return null;
  if (!/[\p{L}]/u.test(text)) return dateRowOf(text) ? 'date, time or reading-time row' : COUNT.test(text) ? 'count' : 'no words';
  if (isCreditLine(text)) return 'credit';
  if (isFileName(text)) return 'image file name';
  const credit = trailingCreditAt(text);
  if (credit > 0 && isFileName(text.slice(0, credit).trim())) return 'image file name and credit';
  if (bylineOf(text)) return 'byline (metadata)';
  if (dateRowOf(text)) return 'date, time or reading-time row';
  if (MEDIA_DURATION.test(text)) return 'video or audio teaser';
  if (COUNT.test(text)) return 'count';
  if (LIST_LABEL.test(text)) return 'list label for screen readers';
  if (EMBED_SIGNATURE.test(text)) return 'signature of an embedded post';
  if (SMALL_PRINT.test(text)) return 'legal or citation small print';
  if (/^\p{L}[\p{L}\s-]{0,24}:$/u.test(text) && wordCount(text) <= 2) return 'label without a value';
  if (isUiLabel(text)) return 'menu or button';
  if (LINK_TO.test(text)) return 'link to another page';
  if (MORE_LINK.test(text)) return 'link to a section';
  return promptWhy(text.replace(LIST_MARKER, ''));
}

/** True for lines the site's informal voice or the reader's address marks, which only count next to chrome. */
export function hasWeakChromeSignal(line: string): boolean {
  const text = line.trim();
  if (QUOTE_MARK.test(text)) return false;
  return INFORMAL_ADDRESS_DE.test(text) || READER_ADDRESS_EN.test(text) || FORMAL_SIE.test(text) || READER_ADDRESS_DE.test(text) || FIRST_PLURAL.test(text);
}
