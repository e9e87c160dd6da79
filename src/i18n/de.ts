/**
 * Every text Beleg writes itself, in German, key for key as `en.ts`
 * (checked by the type and by tests/i18n). Discord's German users read
 * informal "du", as Discord itself writes. Quotes are never translated.
 */
import type { Role } from '../corpus/types.ts';
import type { Catalogue } from './en.ts';

/** Lists words: `„Frankreich“`, `„A“ und „B“`, `„A“, „B“ und „C“`. */
function list(words: readonly string[]): string {
  const q = words.map((w) => `„${w}“`);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} und ${q[q.length - 1]}`;
}

const roles: Record<Role, string> = { headline: 'Überschrift', teaser: 'Vorspann', subhead: 'Zwischentitel', caption: 'Bildunterschrift', body: 'Text' };

export const de: Catalogue = {
  code: 'de',

  refusal: {
    empty: 'Die Frage ist leer. Frag etwas zum Artikel.',
    tooLong: (length, max) => `Die Frage ist zu lang (${length} Zeichen; höchstens ${max}).`,
    unknownArticle: (id) => `Es gibt keinen Artikel „${id}“.`,
    noWords: 'Die Frage enthält keine Wörter, nach denen ich suchen kann.',
    notMentioned: (words) => `Der Artikel erwähnt ${list(words)} nicht.`,
    noMatch: (words) => `Das steht nicht im Artikel. Nichts darin passt zu ${list(words)}.`,
    notSaid: 'Das steht nicht im Artikel.',
    articleLacks: {
      summary: (articles) => (articles === 1 ? 'Der Artikel hat keinen Fließtext, den ich zusammenfassen könnte.' : `Keiner der ${articles} Artikel hat Text, den ich zusammenfassen könnte.`),
      byline: (articles) => (articles === 1 ? 'Der Artikel nennt keinen Autor: Er hat keine Autorenzeile.' : `Keiner der ${articles} Artikel nennt seinen Autor: Keiner hat eine Autorenzeile.`),
      date: (articles) => (articles === 1 ? 'Der Artikel hat kein Datum.' : `Keiner der ${articles} Artikel hat ein Datum.`),
      publisher: (articles) => (articles === 1 ? 'Der Artikel nennt sein Medium nicht.' : `Keiner der ${articles} Artikel nennt sein Medium.`),
      sources: (articles) =>
        articles === 1 ? 'Der Artikel nennt keine Quellen: Er schreibt keine Aussage jemandem zu.' : `Keiner der ${articles} Artikel nennt Quellen: Keiner schreibt eine Aussage jemandem zu.`,
    },
  },

  metadata: {
    labels: { byline: 'Autor', date: 'Datum', publisher: 'Medium', url: 'Adresse', sources: 'Quelle, die der Artikel nennt' },
    labelOf: (label, article) => `${label} von ${article}`,
    fromLine: (line) => `wörtlich aus Zeile ${line} der Seite`,
    fromMetadata: 'aus den Metadaten des Artikels',
    firstCredited: (where) => `zuerst genannt in ${where}`,
    summaryIntro: 'Die Zusammenfassung des Artikels, in seinen eigenen Sätzen:',
  },

  library: {
    refusal: {
      notUrl: 'Das ist kein Link. Füge die vollständige Adresse des Artikels ein, beginnend mit https://.',
      scheme: (scheme) => `Nur http- und https-Links lassen sich hinzufügen, keine ${scheme}:-Links. Füge die Adresse der Artikelseite ein.`,
      credentials: 'Links mit Benutzername oder Passwort nehme ich nicht an. Füge die öffentliche Adresse des Artikels ein.',
      forbiddenAddress: (host) =>
        `Von ${host} lade ich nichts: Das ist keine öffentliche Adresse (sie führt in ein privates Netz oder auf den Rechner, auf dem ich laufe). Füge einen Link zu einer öffentlichen Nachrichtenseite ein.`,
      unresolvable: (host) => `Die Website ${host} habe ich nicht gefunden. Prüf den Link auf Tippfehler.`,
      unreachable: (host) => `${host} war nicht erreichbar. Vielleicht ist die Seite gerade nicht da: Versuch es später noch einmal, oder speichere die Seite und füge sie als Datei hinzu.`,
      timeout: (seconds) => `Die Website hat die Seite nicht innerhalb von ${seconds} Sekunden geschickt. Versuch es später noch einmal, oder speichere die Seite und füge sie als Datei hinzu.`,
      tooLarge: (megabytes) => `Das ist zu groß: Ein Artikel darf höchstens ${megabytes} MB haben. Verlinke den Artikel selbst, oder speichere nur den Artikel.`,
      notArticleType: (type) => `Das ist keine Webseite und kein Text (die Website sagt: ${type}). Verlinke die Seite des Artikels, oder füge eine .html-, .txt- oder .md-Datei hinzu.`,
      httpStatus: (status) => `Die Website hat mit Fehler ${status} geantwortet. Prüf, ob der Link den Artikel im Browser öffnet.`,
      tooManyRedirects: (max) => `Der Link leitet mehr als ${max}-mal weiter. Öffne ihn im Browser und füge die Adresse ein, bei der er ankommt.`,
      badRedirect: 'Die Website hat auf eine ungültige Adresse weitergeleitet. Öffne den Link im Browser und füge die Adresse ein, bei der er ankommt.',
      noArticle:
        'Auf dieser Seite habe ich keinen Artikeltext gefunden: Sie sieht nach einer Anmeldeseite, einem Cookie-Hinweis oder einer Linkliste aus. Speichere die Seite, während der Artikel zu sehen ist, und füge die Datei hinzu, oder füge seinen Text als .txt hinzu.',
      unreadable: {
        empty: 'Die Datei ist leer.',
        binary: 'Das ist kein Text, sondern offenbar eine Binärdatei. Füge eine gespeicherte Webseite (.html), eine .txt- oder eine .md-Datei hinzu.',
        encoding: 'Den Text konnte ich nicht lesen: Er hat eine Zeichenkodierung, die ich nicht kenne. Speichere ihn als UTF-8 und füge ihn noch einmal hinzu.',
        markup: 'Diese Seite konnte ich nicht lesen: Ihr Markup ist zu tief verschachtelt oder zu groß für eine Artikelseite. Speichere nur den Artikel, oder seinen Text als .txt.',
        metadata: (detail) => `Die Metadaten der Datei (der Kopf zwischen den Zeilen mit ---) sind ungültig: ${detail}`,
      },
      fileType: (name) => `${name} kann ich nicht hinzufügen: Füge eine gespeicherte Webseite (.html oder .htm), eine .txt- oder eine .md-Datei hinzu.`,
      noFile: (name) => `Die Datei ${name} kann ich nicht lesen.`,
      duplicateUrl: (id) => `Diesen Artikel gibt es hier schon, als ${id} (derselbe Link).`,
      duplicateText: (id) => `Diesen Artikel gibt es hier schon, als ${id} (derselbe Text).`,
      limit: (max) => `Dieser Server hat seine Grenze von ${max} hinzugefügten Artikeln erreicht. Entferne zuerst einen mit /artikel entfernen.`,
      limitOff: 'Das Hinzufügen von Artikeln ist bei diesem Bot ausgeschaltet.',
    },
  },

  citation: {
    where: (paragraph, sentence) => `¶ ${paragraph}, Satz ${sentence}`,
    role: roles,
    per: (source) => `laut ${source}`,
  },

  bot: {
    answer: {
      unmentioned: (words: string) => `Der Artikel erwähnt ${words} nirgends; die nächsten Stellen:`,
      notFound: 'Nicht gefunden.',
      matched: (words) => `gefunden: ${words}`,
      before: (text) => `davor: „${text}“`,
      noPassage: 'Keine Passage anzuzeigen.',
      passage: (n, total) => `Passage ${n} von ${total}`,
      passages: (first, last, total) => `Passagen ${first}–${last} von ${total}`,
      sentence: (n, total) => `Satz ${n} von ${total}`,
      sentences: (first, last, total) => `Sätze ${first}–${last} von ${total}`,
      nothingToShow: 'Nichts anzuzeigen.',
      articles: (n, ids) => `${n} Artikel: ${ids}`,
      searched: (scope) => `Durchsucht: ${scope}`,
      theLoadedArticle: 'der geladene Artikel',
      allArticles: (n) => `alle ${n} Artikel`,
      findHeading: 'Im Artikel finden: ',
      more: 'Mehr',
      expired: 'Diese Antwort ist abgelaufen. Frag noch einmal, um weitere Passagen zu sehen.',
    },
    vote: {
      up: 'Hilfreich',
      down: 'Nicht hilfreich',
      thanksUp: 'Danke für das 👍.',
      thanksDown: 'Danke für das 👎. Die Moderation dieses Servers sieht die Frage und die Zitate (nie, wer abgestimmt hat).',
      thanksDownNotRecorded: 'Danke für das 👎.',
      already: 'Du hast über diese Antwort schon abgestimmt.',
      expired: 'Die Abstimmung über diese Antwort ist geschlossen. Frag noch einmal, um abzustimmen.',
    },
    thread: {
      noPermission: 'Ich konnte keinen Thread öffnen: Mir fehlt in diesem Kanal die Berechtigung „Öffentliche Threads erstellen“. Die Antwort steht oben im Kanal.',
      notHere: 'Threads lassen sich nur aus Antworten in Textkanälen öffnen, deshalb steht die Antwort hier.',
      failed: 'Ich konnte für diese Antwort keinen Thread öffnen, deshalb bleibt sie im Kanal.',
    },
    quote: {
      intro: 'Dein Zitat zum Einfügen (nur du siehst das):',
      metadataIntro: 'Aus dem Artikel (nur du siehst das):',
      sharedBy: (who) => `Geteilt von ${who}`,
      post: 'Im Kanal posten',
      quotedBy: (who) => `Zitiert von ${who}`,
      someone: 'jemandem',
      expired: 'Dieses Zitat ist abgelaufen. Nutze /quote noch einmal, um es zu posten.',
      alreadyPosted: 'Dieses Zitat ist schon gepostet.',
    },
    summary: {
      title: (headline) => `Zusammenfassung: ${headline}`,
      about: 'Zum Thema',
      nothingToQuote: 'Nichts zu zitieren.',
      noBody: 'Der Artikel hat keinen Fließtext, den ich zusammenfassen könnte.',
      nothingAbout: (topic) => `Der Artikel sagt nichts über „${topic}“.`,
    },
    source: {
      publisher: 'Medium',
      byline: 'Autor',
      date: 'Datum',
      language: 'Sprache',
      url: 'URL',
      cites: 'Quellen, die der Artikel nennt',
      citesNone: 'Keine: Der Artikel schreibt keine Aussage jemandem zu.',
      id: (id) => `ID: ${id}`,
    },
    help: {
      title: 'Beleg: Antworten mit wörtlichen, belegten Zitaten',
      lines: [
        '`/frage frage [artikel] [öffentlich] [thread]`: die Passagen, die eine Frage beantworten, Wort für Wort zitiert. Auch Fragen zum Artikel selbst: „Worum geht es?“, „Wer hat das geschrieben?“, „Wann ist er erschienen?“, „Aus welcher Zeitung?“, „Welche Quellen nennt er?“',
        '`/zitat suchbegriff [artikel]`: die beste einzelne Passage zum Einfügen, mit einem Knopf zum Posten.',
        '`/zusammenfassung [artikel] [sätze] [thema]`: einige zentrale Sätze eines Artikels.',
        '`/quelle [artikel]`: Überschrift, Medium, Autor, Datum, URL und wen der Artikel zitiert.',
        '`/artikel hinzufügen link|datei`, `liste`, `entfernen` (Moderation): Nachrichtenartikel für diesen Server per Link oder Datei hinzufügen, ansehen und entfernen.',
        '`/artikel lücken` (Moderation): Fragen, die ich nicht beantworten konnte, und Zitate mit 👎.',
        '**Im Artikel finden** (Rechtsklick auf eine Nachricht → Apps): die Passagen zur Aussage dieser Nachricht.',
        '**@Erwähne** mich mit einer Frage, und ich antworte auf deine Nachricht.',
        '',
        'Jede Antwort ist ein wörtliches Zitat mit Beleg; steht es nicht im Artikel, sage ich das. 👍 und 👎 unter einer Antwort zeigen der Moderation, was geholfen hat.',
      ],
      articles: (n) => `Artikel (${n})`,
      noArticles: 'Keine geladen.',
    },
    article: {
      guildOnly: 'Dieser Befehl funktioniert nur auf einem Server.',
      needsManageServer: 'Nur Mitglieder mit der Berechtigung „Server verwalten“ können das nutzen.',
      missesTitle: 'Was Leser nicht gefunden haben (letzte 30 Tage)',
      unanswered: 'Häufigste unbeantwortete Fragen',
      downvoted: 'Zitate mit den meisten 👎',
      nothing: 'Nichts aufgezeichnet.',
      times: (n) => `${n}×`,
      asked: (question) => `gefragt: ${question}`,
      gone: 'ein Satz, der nicht mehr in den Artikeln steht',
      recordingOffNote: 'Die Aufzeichnung ist auf diesem Server aus: `/artikel aufzeichnung an` schaltet sie ein.',
      recordedNote: 'Aufgezeichnet werden die Fragen, Artikel, zitierten Sätze und der Tag. Nie, wer gefragt oder abgestimmt hat.',
      recordingOn: 'Die Aufzeichnung ist an: Fragen ohne Antwort und Zitate mit 👎 bleiben 30 Tage gespeichert, ohne wer gefragt oder abgestimmt hat.',
      recordingOff: 'Die Aufzeichnung ist aus, und was für diesen Server aufgezeichnet war, ist gelöscht.',
    },
    library: {
      addedTitle: (headline) => `Hinzugefügt: ${headline}`,
      addedNote: 'Alle auf diesem Server können jetzt danach fragen: /frage, /zitat, /zusammenfassung, /quelle, Erwähnungen und Im Artikel finden.',
      id: 'ID',
      language: 'Sprache',
      sentences: 'Sätze',
      chrome: 'Seitenbeiwerk entfernt',
      chromeLines: (n) => `${n} Zeile${n === 1 ? '' : 'n'}`,
      source: 'Quelle',
      languages: { de: 'Deutsch', en: 'Englisch' },
      needInput: 'Gib einen Link (link) oder eine Datei (datei) zum Hinzufügen an.',
      oneInput: 'Gib einen Link oder eine Datei an, nicht beides.',
      listTitle: 'Artikel, zu denen dieser Server fragen kann',
      corpus: 'vom Bot selbst',
      addedBy: (who, when) => `hinzugefügt von ${who} ${when}`,
      addedAt: (when) => `hinzugefügt ${when}`,
      page: (page, pages, total) => `Seite ${page} von ${pages} · ${total} Artikel`,
      nextPage: (page) => `/artikel liste seite: ${page} zeigt die nächste Seite.`,
      removed: (id, headline) => `${id} (${headline}) ist entfernt. Auf diesem Server wird nicht mehr daraus geantwortet, und seine Datei ist gelöscht.`,
      removeCorpus: (id) => `${id} ist einer der eigenen Artikel des Bots (aus seinem Korpus-Ordner): Entfernen lassen sich nur Artikel, die auf diesem Server hinzugefügt wurden.`,
      removeUnknown: (id) => `Dieser Server hat keinen hinzugefügten Artikel ${id}. /artikel liste zeigt sie.`,
      unavailable: 'Das Hinzufügen von Artikeln ist bei diesem Bot nicht verfügbar.',
    },
    errors: {
      failed: (id) => `Entschuldige, bei mir ist etwas schiefgegangen. Versuch es gleich noch einmal. Wenn es wieder passiert, nenne dem Betreiber des Bots die Fehler-ID \`${id}\`.`,
      cooldown: (seconds) => `Langsam! Deine nächste Frage kann ich in ${seconds} Sekunde${seconds === 1 ? '' : 'n'} annehmen.`,
      unknownCommand: 'Diesen Befehl kenne ich nicht mehr. Tippe /, um meine Befehle zu sehen.',
      buttonGone: 'Dieser Knopf funktioniert nicht mehr. Frag noch einmal.',
      noArticleLoaded: 'Es ist kein Artikel geladen.',
      articleAmbiguous: (text, n) => `„${text}“ passt zu ${n} Artikeln. Wähle einen aus der Liste, die beim Tippen erscheint.`,
      articleUnknown: (text) => `Es gibt keinen Artikel „${text}“. Wähle einen aus der Liste, die beim Tippen erscheint, oder lass die Option leer.`,
      noTextInMessage: 'Diese Nachricht hat keinen Text, den ich in den Artikeln suchen könnte.',
      emptyMention: 'Stell mir eine Frage zu den Artikeln, z. B. „@Beleg Wer hat Bezos abgelöst?“, oder tippe /help.',
    },
  },

  commands: {
    ask: {
      name: 'frage',
      description: 'Beantwortet eine Frage mit wörtlichen, belegten Zitaten aus den Artikeln',
      options: {
        question: { name: 'frage', description: 'Deine Frage, auf Deutsch oder Englisch' },
        article: { name: 'artikel', description: 'Nur aus diesem Artikel antworten (Standard: alle Artikel)' },
        public: { name: 'öffentlich', description: 'Die Antwort allen im Kanal zeigen (Standard: nur dir)' },
        thread: { name: 'thread', description: 'Öffentlich antworten und zur Antwort einen Thread für die Diskussion öffnen' },
      },
    },
    quote: {
      name: 'zitat',
      description: 'Die beste einzelne Passage zu einem Suchbegriff, zum Einfügen oder Posten',
      options: {
        query: { name: 'suchbegriff', description: 'Worum es im Zitat gehen soll' },
        article: { name: 'artikel', description: 'Nur aus diesem Artikel zitieren (Standard: alle Artikel)' },
      },
    },
    summary: {
      name: 'zusammenfassung',
      description: 'Einige zentrale Sätze eines Artikels, wörtlich zitiert',
      options: {
        article: { name: 'artikel', description: 'Der zusammenzufassende Artikel (Standard: der erste geladene)' },
        sentences: { name: 'sätze', description: 'Wie viele Sätze (Standard: 3)' },
        topic: { name: 'thema', description: 'Nur, was der Artikel dazu sagt' },
      },
    },
    source: {
      name: 'quelle',
      description: 'Woher ein Artikel stammt und welche Quellen er nennt',
      options: { article: { name: 'artikel', description: 'Der Artikel (Standard: der erste geladene)' } },
    },
    help: { name: 'hilfe', description: 'Was Beleg kann und welche Artikel es kennt' },
    article: {
      name: 'artikel',
      description: 'Moderation: Artikel dieses Servers hinzufügen, ansehen, entfernen; was Leser nicht fanden',
      subcommands: {
        add: {
          name: 'hinzufügen',
          description: 'Einen Nachrichtenartikel für diesen Server hinzufügen, per Link oder Datei (.html, .txt, .md)',
          options: {
            url: { name: 'link', description: 'Link zur Seite des Artikels (http oder https)' },
            file: { name: 'datei', description: 'Der Artikel als Datei: eine gespeicherte Webseite (.html), .txt oder .md' },
          },
        },
        list: {
          name: 'liste',
          description: 'Die Artikel, zu denen dieser Server fragen kann, und woher sie stammen',
          options: { page: { name: 'seite', description: 'Welche Seite der Liste (Standard: 1)' } },
        },
        remove: {
          name: 'entfernen',
          description: 'Einen auf diesem Server hinzugefügten Artikel entfernen (nicht die des Bots)',
          options: { article: { name: 'artikel', description: 'Der zu entfernende Artikel' } },
        },
        misses: { name: 'lücken', description: 'Häufigste unbeantwortete Fragen und Zitate mit den meisten 👎 (30 Tage)' },
        recording: {
          name: 'aufzeichnung',
          description: 'Aufzeichnung unbeantworteter Fragen und 👎-Stimmen ein- oder ausschalten',
          options: { state: { name: 'zustand', description: 'an oder aus' } },
          choices: { on: 'an', off: 'aus' },
        },
      },
    },
    findInArticle: { name: 'Im Artikel finden' },
  },

  console: {
    help: `Stell eine Frage zum Artikel, auf Deutsch oder Englisch, z. B. „Wer hat Bezos abgelöst?“.
Auch Fragen zum Artikel selbst gehen: „Worum geht es?“, „Wer hat das geschrieben?“, „Wann ist er erschienen?“,
„Aus welcher Zeitung?“, „Welche Quellen nennt er?“ (oder auf Englisch: "What is this about?", "Who wrote this?").
Befehle:
  /help              diese Hilfe
  /summary [THEMA]   eine Zusammenfassung in 3 Sätzen, zitiert; ein Thema grenzt sie ein (Deutsch oder Englisch)
  /source [ID]       Überschrift, Medium, Autor, Metadaten des Artikels und die Quellen, die er nennt
  /articles          die geladenen Artikel und ihre IDs
  /article ID        nur aus diesem Artikel antworten (/article allein: alle Artikel)
  /add URL|DATEI     einen Artikel per Link oder aus einer Datei hinzufügen (.html, .txt, .md); liegt unter DATA_DIR/console
  /quit              beenden (oder Strg+D)`,
    welcome: (titles) => `Beleg — Antworten mit wörtlichen Zitaten aus ${titles}.\nStell eine Frage, oder tippe /help.`,
    paragraph: (paragraph, sentence) => `Absatz ${paragraph}, Satz ${sentence}`,
    matched: 'gefunden',
    before: 'davor',
    noArticle: (id) => `Es gibt keinen Artikel „${id}“. /articles zeigt sie.`,
    allArticles: 'Ich antworte aus allen Artikeln.',
    onlyArticle: (id) => `Ich antworte nur aus ${id}.`,
    unknownCommand: (command) => `Unbekannter Befehl /${command}. Tippe /help für die Befehle.`,
    addUsage: 'Aufruf: /add URL oder /add DATEI (eine gespeicherte Webseite, .txt oder .md).',
    adding: (what) => `Ich füge ${what} hinzu …`,
    added: (id, headline, language, sentences, dropped) =>
      `${id} hinzugefügt: „${headline}“ (${language}, ${sentences} Sätze, ${dropped} Zeilen Seitenbeiwerk entfernt). Frag los.`,
    nothingToSummarise: 'Nichts zusammenzufassen.',
    onTopic: (title, topic) => `${title} (zum Thema „${topic}“)`,
    labels: { headline: 'Überschrift', kicker: 'Dachzeile', publisher: 'Medium', byline: 'Autor', language: 'Sprache', date: 'Datum', url: 'URL', id: 'ID', cites: 'Quellen' },
  },
};
