import { describe, expect, it } from 'vitest';
import { answersIn, answersQuote, answerSubtypeOf, answerTypeOf, typeNounOf } from '../../src/search/answerTypes.ts';
import { canBeVerb, nounClassOf } from '../../src/search/nounClasses.ts';

describe('answer types', () => {
  it('maps question words to what they ask for, in English and German', () => {
    expect(answerTypeOf('Who founded the company?')).toBe('person');
    expect(answerTypeOf('With whom did they sign?')).toBe('person');
    expect(answerTypeOf('Mit wem hat sie verhandelt?')).toBe('person');
    expect(answerTypeOf('Which newspaper broke the story?')).toBe('person');
    expect(answerTypeOf('When did it open?')).toBe('time');
    expect(answerTypeOf('Wann wurde gebaut?')).toBe('time');
    expect(answerTypeOf('How much did it cost?')).toBe('number');
    expect(answerTypeOf('What share of sales is online?')).toBe('number');
    expect(answerTypeOf('Wie viel kostet es?')).toBe('number');
    expect(answerTypeOf('How often did the plague return?')).toBe('number');
    expect(answerTypeOf('In what decades was the band most active?')).toBe('time');
    expect(answerTypeOf('In welchen Jahrzehnten war die Band am aktivsten?')).toBe('time');
    // The question word after a fronted clause; "when" before a comma and no auxiliary opens that clause.
    expect(answerTypeOf('During the 2015 season, who led the team in sacks?')).toBe('person');
    expect(answerTypeOf('After the war, where did he live?')).toBe('place');
    expect(answerTypeOf('Nachdem der Krieg endete, wer regierte das Land?', undefined, undefined, 'de')).toBe('person');
    expect(answerTypeOf('When prices rise, what do the banks do?')).toBe('other');
    expect(answerTypeOf('When did the war end, and why?')).toBe('time');
    expect(answerTypeOf('When and where is the festival?')).toBe('time');
    // A question word left in place, and the name of a person.
    expect(answerTypeOf('The mayor opened how many schools?')).toBe('number');
    expect(answerTypeOf('The report was written by whom?')).toBe('person');
    expect(answerTypeOf('What role did he play in Doctor Who?')).toBe('other');
    expect(answerTypeOf('What is the last name of the player who scored?')).toBe('person');
    expect(answerTypeOf('What is the name of the ship that sank?')).toBe('other');
  });
  it('knows the narrower kind of a number asked for', () => {
    expect(answerSubtypeOf('What does the ticket cost?')).toBe('money');
    expect(answerSubtypeOf('Wie lange dauerte der Streik?')).toBe('duration');
    expect(answerSubtypeOf('What percentage of voters stayed home?')).toBe('share');
    expect(answerSubtypeOf('How much of the profit comes from the cloud?')).toBe('share');
    expect(answerSubtypeOf('Welcher Anteil der Wähler blieb zu Hause?')).toBe('share');
    expect(answerSubtypeOf('Wie hoch war der Prozentsatz der Haushalte mit Kindern?')).toBe('share');
    // "How much of a …" asks for a degree, not a part of a whole.
    expect(answerSubtypeOf('How much of a threat is the storm?')).toBeNull();
    expect(answerSubtypeOf('How many voters stayed home?')).toBeNull();
    expect(answerSubtypeOf('Welchen Platz belegte das Team?')).toBe('ordinal');
    expect(answerSubtypeOf('Der wievielte Präsident war er?')).toBe('ordinal');
    expect(answerSubtypeOf('What place did they finish?')).toBe('ordinal');
    expect(answerSubtypeOf('How old is the suspect?')).toBe('age');
    expect(answerSubtypeOf('In welchem Alter starb sie?')).toBe('age');
    expect(answerTypeOf('In welchem Alter starb sie?')).toBe('number');
  });
  it('types German questions as their English counterparts', () => {
    const toEnglish = (g: string) => ({ spieler: ['player'], verteidiger: ['defender'], schiff: ['ship'] })[g];
    const de = (q: string) => answerTypeOf(q, toEnglish, undefined, 'de');
    expect(de('Mit wie vielen Toren gewann das Team?')).toBe('number');
    expect(de('Welcher Prozentsatz stimmte dafür?')).toBe('number');
    expect(de('Wie lautete der Endstand des Spiels?')).toBe('number');
    // An ordinal question word asks for a rank: "the how-manyth".
    expect(de('Der wievielte Präsident der USA war Lincoln?')).toBe('number');
    expect(de('Zum wievielten Mal fand das Turnier statt?')).toBe('number');
    expect(de('Was war die durchschnittliche Haushaltsgröße?')).toBe('number');
    expect(de('Was war das Mittelalter?')).not.toBe('number');
    // Only nouns of measure as a compound's head: Karate, Gedichte and Nobelpreis measure nothing.
    expect(de('Was ist Karate?')).not.toBe('number');
    expect(de('Was sind Gedichte?')).not.toBe('number');
    expect(de('Was ist der Nobelpreis?')).not.toBe('number');
    expect(de('Was war der Marktanteil von Amazon?')).toBe('number');
    expect(de('Wie hieß der Spieler, der den Ball abnahm?')).toBe('person');
    expect(de('Wie lautet der Nachname des Spielers, der traf?')).toBe('person');
    expect(de('Wie hieß das Schiff, das sank?')).toBe('other');
    expect(de('Wie heißen private Schulen in Deutschland?')).toBe('other');
    expect(de('Welcher Panther-Verteidiger wurde bestraft?')).toBe('person');
    expect(answerTypeOf('Wie oft kam es zu Ausbrüchen?')).toBe('number');
    expect(answerTypeOf('Where is the plant?')).toBe('place');
    expect(answerTypeOf('Wo steht das Werk?')).toBe('place');
    expect(answerTypeOf('Did the mayor resign?')).toBe('yesno');
    // An opening "was": English yes or no, German "what".
    expect(answerTypeOf('Was the mayor re-elected?', undefined, undefined, 'en')).toBe('yesno');
    expect(answerTypeOf('Was hat die Bürgermeisterin eröffnet?', undefined, undefined, 'de')).toBe('other');
    expect(answerTypeOf('Was passierte nach der Wahl?')).toBe('other');
    expect(answerTypeOf('War die Bürgermeisterin dabei?', undefined, undefined, 'de')).toBe('yesno');
    expect(answerTypeOf('What will the tool be used for?')).toBe('other');
    expect(answerTypeOf('The mayor resigned in May')).toBe('other');
    expect(answerTypeOf('What does NDX stand for?')).toBe('definition');
    expect(answerTypeOf('Wofür steht NDX?')).toBe('definition');
    expect(answerTypeOf('Was ist die NDX?')).toBe('definition');
    expect(answerTypeOf("What is NDX's market share?")).toBe('number');
  });
  it('asks for a quote when the question asks what someone said, thought or demanded', () => {
    expect(answerTypeOf('What did Kimmich say about all the dropouts?')).toBe('quote');
    expect(answerTypeOf("What did Russia's foreign minister say at the talks?")).toBe('quote');
    expect(answerTypeOf('What do experts think about the deal?')).toBe('quote');
    expect(answerTypeOf('What is the union demanding?')).toBe('quote');
    expect(answerTypeOf('Was sagte die Ministerin zur Wahl?')).toBe('quote');
    expect(answerTypeOf('Wie äußerte sich der Trainer?')).toBe('quote');
    expect(answerTypeOf('Was hat der Verband gefordert?')).toBe('quote');
    // A speech verb in a clause of its own, or a verb that needs no speaker, is no such question.
    expect(answerTypeOf('What did the mice get when they told the smells apart?')).toBe('other');
    expect(answerTypeOf('What did the settlers call their town?')).toBe('other');
    expect(answerTypeOf('Who said that?')).toBe('person');
  });
  it('takes a sentence as the answer to a quote question when the article credits it to the one the question names', () => {
    const named = new Set(['kimmich']);
    expect(answersQuote('Joshua Kimmich', named)).toBe(true);
    expect(answersQuote('Julian Nagelsmann', named)).toBe(false);
    expect(answersQuote(null, named)).toBe(false);
    // Another person of the same first name is not the one asked about.
    expect(answersQuote('Nora Schmidt', new Set(['nora', 'huber']))).toBe(false);
    expect(answersQuote('Nora Huber', new Set(['nora', 'huber']))).toBe(true);
    // A question that names nobody ("What do experts think?") takes any credited sentence.
    expect(answersQuote('Julian Nagelsmann', new Set())).toBe(true);
  });
  it('asks for a number when a copula question asks for a noun of measure', () => {
    expect(answerTypeOf('What was the plug-in hybrid share in October?')).toBe('number');
    expect(answerTypeOf('What is the estimated population of the town?')).toBe('number');
    expect(answerTypeOf('What was the average household size?')).toBe('number');
    expect(answerTypeOf('Was war der Anteil der Hybride im Oktober?')).toBe('number');
    expect(answerTypeOf('Was ist der Preis?')).toBe('number');
    // A noun of measure inside another noun phrase, or a kind of number, is no such question.
    expect(answerTypeOf('What was the reason for the price rise?')).toBe('other');
    expect(answerTypeOf('What is the share capital made of?')).toBe('other');
  });
  it('asks for a time when the question asks which date, year, decade or century, also after a preposition', () => {
    expect(answerTypeOf('Until what date is the market open?')).toBe('time');
    expect(answerTypeOf('In which decade did the network switch to colour?')).toBe('time');
    expect(answerTypeOf('What century were the schools founded in?')).toBe('time');
    expect(answerTypeOf('Bis wann ist der Markt geöffnet?')).toBe('time');
    expect(answerTypeOf('In welchem Jahrzehnt wurde umgestellt?')).toBe('time');
    expect(answerTypeOf('An welchem Tag beginnt der Markt?')).toBe('time');
    expect(answerTypeOf('Bis zu welchem Datum gilt das Angebot?')).toBe('time');
    expect(answerTypeOf('Until what point did they wait?')).toBe('other');
  });
  it('asks for a name when "which" or "what" asks for an instance of a noun naming people or groups', () => {
    const toEnglish = (german: string) => ({ spieler: ['player'], kunstler: ['artist'], werkzeug: ['tool'] })[german];
    expect(answerTypeOf('Which player scored the goal?')).toBe('person');
    expect(answerTypeOf('What German artist painted it?')).toBe('person');
    expect(answerTypeOf('Which teams played in the final?')).toBe('person');
    expect(answerTypeOf('Welcher Spieler schoss das Tor?', toEnglish)).toBe('person');
    expect(answerTypeOf('Welcher berühmte Künstler malte es?', toEnglish)).toBe('person');
    // Not an instance of a person: a tool, a word, a kind of player.
    expect(answerTypeOf('Which tool did they use?')).toBe('other');
    expect(answerTypeOf('What German word means it?')).toBe('other');
    expect(answerTypeOf('What type of player is he?')).toBe('other');
    expect(answerTypeOf('Welches Werkzeug nutzten sie?', toEnglish)).toBe('other');
  });
  it('reads the head noun of the question, stopping at its verb', () => {
    expect(typeNounOf('What German ruler invited the settlers?')?.word).toBe('ruler');
    expect(typeNounOf('Which area especially needs rain?')?.word).toBe('area');
    expect(typeNounOf('In which city was he born?')?.word).toBe('city');
    // A proper adjective as the noun names people; before a noun it is only an adjective.
    expect(typeNounOf('Which famous Indian took a plea?')).toMatchObject({ word: 'Indian', class: 'person' });
    expect(answerTypeOf('Which famous Indian took a plea?')).toBe('person');
    expect(typeNounOf('Which Indian city is the largest?')?.word).toBe('city');
    // "other" sets the noun apart from one named before; it does not end the noun phrase.
    expect(typeNounOf('What other European leader was educated there?')).toMatchObject({ word: 'leader', class: 'person' });
    expect(answerTypeOf('Which other companies bid for it?')).toBe('person');
    // "What kind of X" asks for a kind of X: X is the noun, and the answer is no name even when X is a person noun.
    expect(typeNounOf('What kind of forest is it?')).toMatchObject({ word: 'forest', kind: true });
    expect(typeNounOf('What type of civil disobedience is larger scale?')).toMatchObject({ word: 'disobedience', kind: true });
    expect(typeNounOf('What types of schools are most common?')).toMatchObject({ word: 'schools', kind: true });
    expect(typeNounOf('Welche Art von Wald ist das?')).toMatchObject({ word: 'Wald', kind: true });
    expect(typeNounOf('Welche Art der Gewaltenteilung hatte sie?')).toMatchObject({ word: 'Gewaltenteilung', kind: true });
    expect(answerTypeOf('What type of player is he?')).toBe('other');
    expect(typeNounOf('What type is it?')).toBeNull();
    expect(typeNounOf('Who won?')).toBeNull();
    expect(nounClassOf('players')).toBe('person');
    expect(nounClassOf('city')).toBe('place');
    expect(nounClassOf('invited')).toBeUndefined();
    expect(canBeVerb('invited') && canBeVerb('needs')).toBe(true);
    expect(canBeVerb('city')).toBe(false);
  });
  it('finds the answers a sentence holds', () => {
    const isName = (w: string, i: number) => i > 0 && /^(?:Erika|Beispiel|Zentra)$/.test(w);
    expect(answersIn('Im Juli übernahm Erika Beispiel.', isName)).toEqual({ types: new Set(['time']), names: ['erika', 'beispiel'], defines: [] });
    expect([...answersIn('Der Anteil lag bei mehr als 30 Prozent.', isName).types]).toContain('number');
    expect([...answersIn('Fast die Hälfte des Gewinns kam von dort.', isName).types]).toContain('number');
    expect([...answersIn('Die Daten bleiben vor Ort in Norwegen.', isName).types]).toContain('place');
    expect(answersIn('Das Wetter war schön.', isName)).toEqual({ types: new Set(), names: [], defines: [] });
  });
});
