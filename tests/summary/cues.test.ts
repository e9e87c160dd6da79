import { describe, expect, it } from 'vitest';
import { addressesReader, isFragment, isQuestion, opensWithReference, statesQuantity, withoutQuotedSpeech } from '../../src/summary/cues.ts';

describe('summary cues', () => {
  it('tells questions, also inside closing quotes, from statements', () => {
    expect(isQuestion('Erinnerst Du Dich noch an das dicke Ding vom Kongress?')).toBe(true);
    expect(isQuestion('Länderspiele - Lust oder Last?')).toBe(true);
    expect(isQuestion('„Wer soll das bezahlen?“')).toBe(true);
    expect(isQuestion('Was will the board do next?  ')).toBe(true);
    expect(isQuestion('„Wer soll das bezahlen?“, fragte der Kämmerer.')).toBe(false);
    expect(isQuestion('Der Rat hat den Bau beschlossen.')).toBe(false);
  });

  it('finds reader address in German (informal and formal) and English', () => {
    expect(addressesReader('Damit du weisst, wie es läuft.')).toBe(true);
    expect(addressesReader('Erinnerst Du Dich noch an den Kongress?')).toBe(true);
    expect(addressesReader('Ich zeige euch heute drei Tricks.')).toBe(true);
    expect(addressesReader('Bitte aktualisieren Sie die Seite.')).toBe(true);
    expect(addressesReader('Angreifer können Zugriff auf Ihr Gerät erhalten.')).toBe(true);
    expect(addressesReader('Here is what you need to know.')).toBe(true);
    expect(addressesReader('Check your settings now.')).toBe(true);
  });

  it('does not take "Sie" for the reader at the start of a sentence, nor lower-case "sie" or "ihr"', () => {
    expect(addressesReader('Sie sagte, sie komme morgen.')).toBe(false);
    expect(addressesReader('Die Ministerin legte ihr Amt nieder, sagte sie.')).toBe(false);
    expect(addressesReader('The council approved the plan.')).toBe(false);
  });

  it('leaves quoted speech out: a speaker addressing an audience is not the article addressing the reader', () => {
    expect(addressesReader('»Ich kann Euch gar nicht sagen, wie schön das ist«, erklärte der Moderator.')).toBe(false);
    // The opening mark was lost by the scraper: the lone closing mark still ends the quotation.
    expect(addressesReader('Ich kann Euch gar nicht sagen, wie schön das ist«, erklärte der Moderator.')).toBe(false);
    expect(addressesReader('«Wenn Sie an einem Wein riechen, wissen Sie, dass es Wein ist.')).toBe(false);
    expect(addressesReader('Aber mit Übung können Sie feine Unterschiede feststellen.»')).toBe(false);
    expect(addressesReader('"You will love it", the mayor said.')).toBe(false);
    expect(addressesReader('„Das ist gut“, sagte er, und Sie sollten es wissen.')).toBe(true);
    expect(withoutQuotedSpeech('A „b“ c').length).toBe('A „b“ c'.length);
  });

  it('tells fragments (labels, credits, cut-off lines) from sentences', () => {
    expect(isFragment('Von Anna Muster und Ben Beispiel, Berlin')).toBe(true);
    expect(isFragment('Sehen Sie die Kandidaten in unserer Bildergalerie:')).toBe(true);
    expect(isFragment('Harris wies bei der Eröffnung auf besondere Programmpunkte wie die Künstlerweihnacht am Woche')).toBe(true);
    expect(isFragment('Der Rat hat den Bau beschlossen.')).toBe(false);
    expect(isFragment('Es ist schwieriger geworden, diesen Wert zu erreichen. (roe)')).toBe(false);
    expect(isFragment('„Es ist echt verrückt.“')).toBe(false);
    expect(isFragment('Wirklich?')).toBe(false);
  });

  it('finds a stated quantity (digits, number words, shares, currencies), not a bare date', () => {
    expect(statesQuantity('Der Trainer muss mit sieben Absagen auskommen.')).toBe(true);
    expect(statesQuantity('Im Oktober kamen 3390 Autos auf die Straße.')).toBe(true);
    expect(statesQuantity('Der Anteil lag bei 27,8 Prozent.')).toBe(true);
    expect(statesQuantity('Die Hälfte der Mitglieder stimmte dagegen.')).toBe(true);
    expect(statesQuantity('The council will spend twelve million pounds.')).toBe(true);
    expect(statesQuantity('Die laute Stimme des Trainers dröhnt bis zum Parkplatz.')).toBe(false);
    expect(statesQuantity('Schon im Februar hatte das Amt das erklärt.')).toBe(false);
    expect(statesQuantity('The mayor spoke on Tuesday.')).toBe(false);
  });

  it('finds an opener that points back at the sentence before, not an article before a noun phrase', () => {
    expect(opensWithReference('Danach kamen 3390 Autos erstmals auf die Straße.')).toBe(true);
    expect(opensWithReference('So finden sich viele Lücken auch bei älteren Geräten.')).toBe(true);
    expect(opensWithReference('Das hat unter anderem den Effekt, dass die Quote sinkt.')).toBe(true);
    expect(opensWithReference('This means cyclists reach the campus in ten minutes.')).toBe(true);
    expect(opensWithReference('Das Sicherheitsupdate ist seit Anfang des Monats verfügbar.')).toBe(false);
    expect(opensWithReference('Die laute Stimme des Trainers dröhnt bis zum Parkplatz.')).toBe(false);
    expect(opensWithReference('Es läuft ein Wettlauf gegen die Zeit.')).toBe(false);
    expect(opensWithReference('Auch der Geheimdienst soll einen Deal abgeschlossen haben.')).toBe(false);
    expect(opensWithReference('The council approved new cycle lanes.')).toBe(false);
  });
});
