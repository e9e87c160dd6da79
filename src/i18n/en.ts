/**
 * Every text Beleg writes itself, in English: the catalogue every other
 * language copies key for key (see `de.ts` and `index.ts`). Quotes are never
 * translated; they are the article's own words. Texts are plain: the Discord
 * front end escapes whatever carries user or article text, and adds its own
 * markdown (bold) around these.
 */
import type { Role } from '../corpus/types.ts';

/** Lists words: `"France"`, `"France" and "Tesla"`, `"A", "B" and "C"`. */
function list(words: readonly string[]): string {
  const q = words.map((w) => `"${w}"`);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

const roles: Record<Role, string> = { headline: 'headline', teaser: 'teaser', subhead: 'subhead', caption: 'caption', body: 'body' };

export const en = {
  /** The language's code, as Discord's locales and `LANG` start. */
  code: 'en',

  /** Why the engine refused (see `Refusal` in src/engine/engine.ts). */
  refusal: {
    empty: 'The question is empty. Ask something about the article.',
    tooLong: (length: number, max: number) => `The question is too long (${length} characters; at most ${max}).`,
    unknownArticle: (id: string) => `There is no article "${id}".`,
    noWords: 'The question has no words to search for.',
    notMentioned: (words: readonly string[]) => `The article does not mention ${list(words)}.`,
    noMatch: (words: readonly string[]) => `The article does not say. Nothing in it matches ${list(words)}.`,
    notSaid: 'The article does not say.',
    /** A question about the article itself asks for a field it lacks; `articles`: how many were looked at (none has it). */
    articleLacks: {
      summary: (articles: number) => (articles === 1 ? 'The article has no body text to summarise.' : `None of the ${articles} articles has text to summarise.`),
      byline: (articles: number) => (articles === 1 ? 'The article names no author: it has no byline.' : `None of the ${articles} articles names its author: none has a byline.`),
      date: (articles: number) => (articles === 1 ? 'The article has no date.' : `None of the ${articles} articles has a date.`),
      publisher: (articles: number) => (articles === 1 ? 'The article does not name its publication.' : `None of the ${articles} articles names its publication.`),
      sources: (articles: number) =>
        articles === 1 ? 'The article cites no sources: it attributes no claim to anyone.' : `None of the ${articles} articles cites sources: none attributes a claim to anyone.`,
    },
  },

  /**
   * Answers to questions about the article itself ("Who wrote this?"): a
   * metadata field is shown as a label and its value, with where the value
   * comes from; the summary under a line saying it is one.
   */
  metadata: {
    labels: { byline: 'Byline', date: 'Date', publisher: 'Publication', url: 'Address', sources: 'Source the article cites' },
    /** A label when the answers are of several articles: "Byline of `id`" (`article` already formatted). */
    labelOf: (label: string, article: string) => `${label} of ${article}`,
    fromLine: (line: number) => `quoted verbatim from line ${line} of the page`,
    fromMetadata: "from the article's metadata",
    /** Where a cited source is first credited (`where`: a citation's position, e.g. "¶ 8, sentence 4"). */
    firstCredited: (where: string) => `first credited in ${where}`,
    summaryIntro: "The article's summary, in its own sentences:",
  },

  /**
   * Adding an article (`/article add`, the console's `/add`): why one was not
   * added (see `AddRefusal` in src/library/library.ts), each saying what to do.
   */
  library: {
    refusal: {
      notUrl: 'That is not a link. Paste the full address of the article, starting with https://.',
      scheme: (scheme: string) => `Only http and https links can be added, not ${scheme}: links. Paste the address of the article's web page.`,
      credentials: "Links with a user name or password are not accepted. Paste the article's public address.",
      forbiddenAddress: (host: string) =>
        `I do not fetch from ${host}: it is not a public address (it leads into a private network or to the machine I run on). Paste a link to a public news site.`,
      unresolvable: (host: string) => `I could not find the site ${host}. Check the link for typos.`,
      unreachable: (host: string) => `I could not reach ${host}. The site may be down: try again later, or save the page and add it as a file.`,
      timeout: (seconds: number) => `The site did not send the page within ${seconds} seconds. Try again later, or save the page and add it as a file.`,
      tooLarge: (megabytes: number) => `That is too large: an article may be at most ${megabytes} MB. Link to the article itself, or save only the article.`,
      notArticleType: (type: string) => `That is not a web page or text (the site says it is ${type}). Link to the article's page, or add an .html, .txt or .md file.`,
      httpStatus: (status: number) => `The site answered with error ${status}. Check that the link opens the article in a browser.`,
      tooManyRedirects: (max: number) => `The link redirects more than ${max} times. Open it in a browser and paste the address it ends at.`,
      badRedirect: 'The site redirected to an address that is not valid. Open the link in a browser and paste the address it ends at.',
      noArticle:
        'I found no article text on that page: it looks like a login wall, a cookie notice or a list of links. Save the page while the article shows and add the file, or add its text as .txt.',
      unreadable: {
        empty: 'The file is empty.',
        binary: 'That is not text: it looks like a binary file. Add a saved web page (.html), a .txt or an .md file.',
        encoding: 'I could not read the text: it is in a character encoding I do not know. Save it as UTF-8 and add it again.',
        markup: 'I could not read that page: its markup is nested too deep or too large for an article page. Save only the article, or its text as .txt.',
        metadata: (detail: string) => `The file's metadata (the front matter between --- lines) is not valid: ${detail}`,
      },
      fileType: (name: string) => `I cannot add ${name}: add a saved web page (.html or .htm), a .txt or an .md file.`,
      noFile: (name: string) => `I cannot read the file ${name}.`,
      duplicateUrl: (id: string) => `This article is already here, as ${id} (the same link).`,
      duplicateText: (id: string) => `This article is already here, as ${id} (the same text).`,
      limit: (max: number) => `This server has reached its limit of ${max} added articles. Remove one with /article remove first.`,
      limitOff: 'Adding articles is switched off on this bot.',
    },
  },

  /** Where a quote comes from. */
  citation: {
    where: (paragraph: number, sentence: number) => `¶ ${paragraph}, sentence ${sentence}`,
    role: roles,
    per: (source: string) => `per ${source}`,
  },

  /** The Discord bot's replies. */
  bot: {
    answer: {
      unmentioned: (words: string) => `The article never mentions ${words}; the closest passages:`,
      notFound: 'Not found.',
      matched: (words: string) => `matched: ${words}`,
      before: (text: string) => `before it: “${text}”`,
      noPassage: 'No passage to show.',
      passage: (n: number, total: number) => `passage ${n} of ${total}`,
      passages: (first: number, last: number, total: number) => `passages ${first}–${last} of ${total}`,
      sentence: (n: number, total: number) => `sentence ${n} of ${total}`,
      sentences: (first: number, last: number, total: number) => `sentences ${first}–${last} of ${total}`,
      nothingToShow: 'Nothing to show.',
      articles: (n: number, ids: string) => `${n} articles: ${ids}`,
      searched: (scope: string) => `Searched ${scope}`,
      theLoadedArticle: 'the loaded article',
      allArticles: (n: number) => `all ${n} articles`,
      findHeading: 'Find in article: ',
      more: 'More',
      expired: 'This answer has expired. Ask again to see more passages.',
    },
    vote: {
      up: 'Helpful',
      down: 'Not helpful',
      thanksUp: 'Thanks for the 👍.',
      thanksDown: "Thanks for the 👎. This server's moderators will see the question and the quotes (never who voted).",
      thanksDownNotRecorded: 'Thanks for the 👎.',
      already: 'You have already voted on this answer.',
      expired: 'Voting on this answer has closed. Ask again to vote.',
    },
    thread: {
      noPermission: 'I could not open a thread: I lack the Create Public Threads permission in this channel. The answer is above, in the channel.',
      notHere: 'Threads open only from answers in text channels, so the answer is here instead.',
      failed: 'I could not open a thread for this answer, so it stays in the channel.',
    },
    quote: {
      intro: 'Your quote, ready to paste (only you can see this):',
      metadataIntro: 'From the article (only you can see this):',
      sharedBy: (who: string) => `Shared by ${who}`,
      post: 'Post to channel',
      quotedBy: (who: string) => `Quoted by ${who}`,
      someone: 'someone',
      expired: 'This quote has expired. Run /quote again to post it.',
      alreadyPosted: 'This quote is already posted.',
    },
    summary: {
      title: (headline: string) => `Summary: ${headline}`,
      about: 'About',
      nothingToQuote: 'Nothing to quote.',
      noBody: 'The article has no body text to summarise.',
      nothingAbout: (topic: string) => `The article says nothing about "${topic}".`,
    },
    source: {
      publisher: 'Publisher',
      byline: 'Byline',
      date: 'Date',
      language: 'Language',
      url: 'URL',
      cites: 'Sources the article cites',
      citesNone: 'None: the article attributes no claim to anyone.',
      id: (id: string) => `id: ${id}`,
    },
    help: {
      title: 'Beleg: answers with verbatim, sourced quotes',
      lines: [
        '`/ask question [article] [public] [thread]`: the passages that answer a question, quoted word for word. Ask about the article itself too: "What is this about?", "Who wrote this?", "When was it published?", "Which newspaper?", "What are its sources?"',
        '`/quote query [article]`: the single best passage, ready to paste, with a button to post it.',
        '`/summary [article] [sentences] [topic]`: a few central sentences of an article.',
        '`/source [article]`: headline, publisher, byline, date, URL, and whom the article cites.',
        '`/article add url|file`, `list`, `remove` (moderators): add a news article for this server by link or file, see and remove them.',
        '`/article misses` (moderators): questions I could not answer, and quotes readers voted down.',
        "**Find in article** (right-click a message → Apps): the passages about that message's claim.",
        '**@mention** me with a question to get the answer as a reply.',
        '',
        'Every answer is a verbatim quote with its citation; when the article does not say, I say so. 👍 and 👎 under an answer tell the moderators what worked.',
      ],
      articles: (n: number) => `Articles (${n})`,
      noArticles: 'None loaded.',
    },
    article: {
      guildOnly: 'This command works only in a server.',
      needsManageServer: 'Only members with the Manage Server permission can use this.',
      missesTitle: 'What readers missed (last 30 days)',
      unanswered: 'Most frequent unanswered questions',
      downvoted: 'Most downvoted quotes',
      nothing: 'Nothing recorded.',
      times: (n: number) => `${n}×`,
      asked: (question: string) => `asked: ${question}`,
      gone: 'a sentence no longer in the articles',
      recordingOffNote: 'Recording is off on this server: `/article recording on` turns it on.',
      recordedNote: 'Recorded: the questions, articles and quoted sentences, and the day. Never who asked or voted.',
      recordingOn: 'Recording is on: questions I could not answer and quotes voted 👎 are kept for 30 days, without who asked or voted.',
      recordingOff: 'Recording is off, and what was recorded for this server is deleted.',
    },
    /** `/article add|list|remove`. */
    library: {
      addedTitle: (headline: string) => `Added: ${headline}`,
      addedNote: 'Everyone in this server can ask about it now: /ask, /quote, /summary, /source, mentions and Find in article.',
      id: 'Id',
      language: 'Language',
      sentences: 'Sentences',
      chrome: 'Page chrome dropped',
      chromeLines: (n: number) => `${n} line${n === 1 ? '' : 's'}`,
      source: 'Source',
      languages: { de: 'German', en: 'English' },
      needInput: 'Give a link (url) or a file (file) to add.',
      oneInput: 'Give a link or a file, not both.',
      listTitle: 'Articles this server can ask about',
      corpus: "the bot's own",
      addedBy: (who: string, when: string) => `added by ${who} ${when}`,
      addedAt: (when: string) => `added ${when}`,
      page: (page: number, pages: number, total: number) => `page ${page} of ${pages} · ${total} articles`,
      nextPage: (page: number) => `/article list page: ${page} shows the next page.`,
      removed: (id: string, headline: string) => `Removed ${id} (${headline}). It is no longer answered from in this server, and its file is deleted.`,
      removeCorpus: (id: string) => `${id} is one of the bot's own articles (its corpus folder): only articles added in this server can be removed.`,
      removeUnknown: (id: string) => `This server has no added article ${id}. /article list shows them.`,
      unavailable: 'Adding articles is not available on this bot.',
    },
    errors: {
      failed: (id: string) => `Sorry, something went wrong on my side. Please try again in a moment. If it keeps happening, tell the bot's operator the error id \`${id}\`.`,
      cooldown: (seconds: number) => `Easy there! I can take your next question in ${seconds} second${seconds === 1 ? '' : 's'}.`,
      unknownCommand: 'I do not know that command any more. Type / to see my commands.',
      buttonGone: 'This button no longer works. Ask again.',
      noArticleLoaded: 'No article is loaded.',
      articleAmbiguous: (text: string, n: number) => `"${text}" matches ${n} articles. Pick one from the list that appears as you type.`,
      articleUnknown: (text: string) => `There is no article "${text}". Pick one from the list that appears as you type, or leave the option empty.`,
      noTextInMessage: 'That message has no text to look up in the articles.',
      emptyMention: 'Ask me a question about the articles, e.g. "@Beleg who succeeded Bezos?", or type /help.',
    },
  },

  /**
   * Slash commands, their options and the context menu, as Discord shows
   * them. Names in other languages must be lower case with no spaces
   * (Discord's rule for slash commands and options); descriptions 1–100 characters.
   */
  commands: {
    ask: {
      name: 'ask',
      description: 'Answer a question with verbatim, sourced quotes from the articles',
      options: {
        question: { name: 'question', description: 'Your question, in English or German' },
        article: { name: 'article', description: 'Only answer from this article (default: all articles)' },
        public: { name: 'public', description: 'Show the answer to everyone in the channel (default: only you)' },
        thread: { name: 'thread', description: 'Answer publicly and open a thread from the answer for discussion' },
      },
    },
    quote: {
      name: 'quote',
      description: 'The single best passage for a query, ready to paste or post',
      options: {
        query: { name: 'query', description: 'What the quote should be about' },
        article: { name: 'article', description: 'Only quote from this article (default: all articles)' },
      },
    },
    summary: {
      name: 'summary',
      description: 'A few central sentences of an article, quoted verbatim',
      options: {
        article: { name: 'article', description: 'The article to summarise (default: the first loaded)' },
        sentences: { name: 'sentences', description: 'How many sentences (default 3)' },
        topic: { name: 'topic', description: 'Only what the article says about this' },
      },
    },
    source: {
      name: 'source',
      description: 'Where an article comes from, and which sources it cites',
      options: { article: { name: 'article', description: 'The article (default: the first loaded)' } },
    },
    help: { name: 'help', description: 'What Beleg can do, and which articles it knows' },
    article: {
      name: 'article',
      description: "Moderators: add, list and remove this server's articles; see what readers missed",
      subcommands: {
        add: {
          name: 'add',
          description: 'Add a news article for this server, by link or as a file (.html, .txt, .md)',
          options: {
            url: { name: 'url', description: "Link to the article's page (http or https)" },
            file: { name: 'file', description: 'The article as a file: a saved web page (.html), .txt or .md' },
          },
        },
        list: {
          name: 'list',
          description: 'The articles this server can ask about, with where they came from',
          options: { page: { name: 'page', description: 'Which page of the list (default 1)' } },
        },
        remove: {
          name: 'remove',
          description: "Remove an article added in this server (not the bot's own)",
          options: { article: { name: 'article', description: 'The article to remove' } },
        },
        misses: { name: 'misses', description: 'Most frequent unanswered questions and most downvoted quotes (30 days)' },
        recording: {
          name: 'recording',
          description: 'Switch recording of unanswered questions and 👎 votes on or off',
          options: { state: { name: 'state', description: 'on or off' } },
          choices: { on: 'on', off: 'off' },
        },
      },
    },
    findInArticle: { name: 'Find in article' },
  },

  /** The local console (`npm start` without a token). */
  console: {
    help: `Type a question about the article, in English or German, e.g. "Who succeeded Bezos?".
Questions about the article itself work too: "What is this about?", "Who wrote this?", "When was it published?",
"Which newspaper?", "What are its sources?" (or "Worum geht es?", "Wer hat das geschrieben?", "Welche Quellen?").
Commands:
  /help              this help
  /summary [TOPIC]   a 3-sentence summary, quoted; a topic narrows it (English or German)
  /source [ID]       the article's headline, publisher, byline, metadata and the sources it cites
  /articles          the loaded articles and their ids
  /article ID        answer only from this article (/article alone: all articles)
  /add URL|FILE      add an article from a link or a file (.html, .txt, .md); kept under DATA_DIR/console
  /quit              leave (or Ctrl+D)`,
    welcome: (titles: string) => `Beleg — answers with verbatim quotes from ${titles}.\nType a question, or /help.`,
    paragraph: (paragraph: number, sentence: number) => `paragraph ${paragraph}, sentence ${sentence}`,
    matched: 'matched',
    before: 'before it',
    noArticle: (id: string) => `There is no article "${id}". /articles lists them.`,
    allArticles: 'Answering from all articles.',
    onlyArticle: (id: string) => `Answering only from ${id}.`,
    unknownCommand: (command: string) => `Unknown command /${command}. Type /help for the commands.`,
    addUsage: 'Usage: /add URL or /add FILE (a saved web page, .txt or .md).',
    adding: (what: string) => `Adding ${what} …`,
    added: (id: string, headline: string, language: string, sentences: number, dropped: number) =>
      `Added ${id}: „${headline}“ (${language}, ${sentences} sentences, ${dropped} lines of page chrome dropped). Ask away.`,
    nothingToSummarise: 'Nothing to summarise.',
    onTopic: (title: string, topic: string) => `${title} (on "${topic}")`,
    labels: { headline: 'Headline', kicker: 'Kicker', publisher: 'Publisher', byline: 'Byline', language: 'Language', date: 'Date', url: 'URL', id: 'Id', cites: 'Cites' },
  },
};

/** The shape every language's catalogue has. */
export type Catalogue = typeof en;
