/**
 * Name pools for the bench data generator: common first and last names of the German-, French-,
 * Italian- and English-speaking customers a Swiss ticketing client typically has. Written by hand
 * from common-name knowledge; frequency is not modelled beyond "common names appear more often"
 * (they are listed first and the generator favours the head of each list).
 */
import { readFileSync } from 'node:fs';

export type Culture = 'de' | 'fr' | 'it' | 'en';

/** Whitespace-separated list; `_` stands for a space inside a name (`De_Luca`). */
const words = (s: string): string[] =>
  s
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/_/g, ' '));

interface NamePool {
  male: string[];
  female: string[];
  last: string[];
}

export const NAME_POOLS: Record<Culture, NamePool> = {
  de: {
    male: words(`
      Hans Peter Daniel Thomas Andreas Martin Markus Christian Stefan Michael Marco Beat Urs Bruno
      Walter Werner Rolf René Patrick Reto Roland Kurt Heinz Josef Rudolf Jakob Heinrich Friedrich
      Johannes Ernst Fritz Paul Luca David Simon Lukas Jonas Noah Leon Fabian Pascal Adrian Roger
      Philipp Matthias Tobias Florian Sebastian Dominik Manuel Benjamin Samuel Raphael Nicolas Oliver
      Jürgen Günter Klaus Dieter Wolfgang Jörg Uwe Horst Gerhard Helmut Karl Franz Anton Alois Georg
      Ulrich Kevin Sandro Cédric Silvan Janik Elias Julian Timo Marcel Dominic Ueli Hansruedi Res
      Christoph Stephan Felix Max Moritz Emil Otto Alfred Gottfried Albert Bernhard Erwin Armin Ralph`),
    female: words(`
      Maria Anna Ursula Ruth Elisabeth Verena Monika Barbara Sandra Andrea Daniela Nicole Claudia
      Susanne Christine Karin Brigitte Esther Margrit Silvia Regula Franziska Katharina Gabriela
      Petra Sabine Stefanie Julia Sarah Laura Lea Lena Mia Emma Anja Nadine Corinne Manuela Jasmin
      Tanja Simone Melanie Bettina Cornelia Heidi Rosmarie Erika Gertrud Hedwig Theresia Margrith
      Doris Beatrice Yvonne Rita Vreni Priska Jacqueline Sibylle Jana Vanessa Michelle Jessica Nina
      Selina Alina Chiara Luana Elena Lara Noemi Céline Jennifer Isabelle Caroline Helene Johanna
      Sophie Marlene Ingrid Renate Gisela Birgit Heike Jutta Angelika Sonja Irene Agnes Lisa Evelyne`),
    last: words(`
      Müller Meier Schmid Keller Weber Huber Schneider Meyer Steiner Fischer Gerber Brunner Baumann
      Frei Zimmermann Moser Widmer Wyss Graf Roth Suter Baumgartner Bachmann Kaufmann Studer Marti
      Sutter Hofmann Berger Kälin Bühler Hess Lüthi Egli Lehmann Schär Arnold Koch Bucher Kunz Vogel
      Aebischer Zürcher Ammann Bieri Lüscher Bosshard Wälti Stucki Hofer Furrer Gasser Kühne Imhof
      Rüegg Bärtschi Niederer Oberholzer Wenger Zbinden Stalder Käser Tanner Hauser Kuhn Ziegler
      Schwarz Wagner Becker Schulz Hoffmann Schäfer Bauer Richter Klein Wolf Schröder Neumann Braun
      Krüger Hofstetter Jäger Walter Schuster Vogt Sommer Winkler Lorenz Hartmann Günther Krause
      Frank Lang Haas Fuchs Böhm Pfister Burri Siegenthaler Hürlimann Rohner Spörri Wüthrich Märki
      Leuenberger Flückiger Schüpbach Amstutz Kohler Kunz Ochsner Rey Schwab Sigrist Vögeli Wirth
      Eberle Gisler Good Hug Iten Jenni Kessler Lanz Locher Mäder Nussbaumer Portmann Reber Rüfenacht
      Schläpfer Schönenberger Stadelmann Thalmann Tobler Wettstein Zahnd Ziörjen Gruber Pichler
      Wimmer Brandstätter Steinbauer Mayrhofer Hölzl Aigner Eder Leitner Pöll Stöckl Grünwald`),
  },
  fr: {
    male: words(`
      Jean Pierre Michel Philippe Alain Nicolas Christophe Patrick Laurent Olivier François Éric
      Frédéric Stéphane Julien Sébastien David Thierry Pascal Claude Jacques Daniel Bernard André
      Marc Luc Yves Gérard Didier Vincent Antoine Alexandre Maxime Thomas Hugo Louis Lucas Théo
      Mathieu Guillaume Benoît Jérôme Cédric Fabien Romain Quentin Florian Bastien Arnaud Raphaël
      Gabriel Arthur Jules Nathan Baptiste Clément Lionel Serge Gilles Roger Henri Marcel René Joël
      Jean-Pierre Jean-Claude Jean-Marc Jean-François Jean-Luc Pierre-Alain Jean-Daniel Emmanuel
      Sylvain Xavier Grégoire Damien Loïc Mickaël Yannick Hervé Denis Raymond Georges Robert Gaston`),
    female: words(`
      Marie Nathalie Isabelle Sylvie Catherine Martine Christine Françoise Monique Sophie Valérie
      Sandrine Céline Stéphanie Véronique Nicole Anne Chantal Brigitte Laurence Caroline Aurélie
      Julie Camille Léa Manon Chloé Emma Inès Sarah Laura Pauline Mathilde Élodie Émilie Audrey
      Mélanie Virginie Florence Patricia Corinne Danielle Josiane Jacqueline Geneviève Madeleine
      Hélène Anne-Marie Marie-Claude Marie-France Marie-Thérèse Agnès Béatrice Delphine Noémie
      Océane Margaux Clara Zoé Juliette Louise Alice Charlotte Élise Mireille Odile Colette Simone
      Gisèle Yvette Paulette Ginette Claudine Évelyne Lucienne Solange Annick Murielle Fabienne`),
    last: words(`
      Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefèvre
      Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Mercier Dupont Lambert
      Bonnet François Martinez Legrand Garnier Faure Rousseau Blanc Guérin Muller Henry Roussel
      Nicolas Perrin Morin Mathieu Clément Gauthier Dumont Lopez Fontaine Chevalier Robin Masson
      Favre Rochat Perret Jaquet Pittet Bovet Chappuis Cuénod Bourquin Monnier Dubuis Gay Jacot
      Reymond Rey Cretton Gavillet Bessard Pasche Mottier Vuilleumier Jeanneret Matthey Huguenin
      Rapin Cornaz Blanchard Décosterd Ducret Golay Jaccard Mermod Rosset Savary Tinguely Vuille
      Berset Clerc Dafflon Jolliet Maillard Python Rossier Sciboz Crausaz Corboz Pilloud Bugnon
      Chatelain Ecoffey Fragnière Gremaud Menoud Overney Repond Yerly Zufferey Fournier Bonvin
      Carron Délèze Fellay Luisier Métrailler Rausis Roduit Udry Vouillamoz Aubert Barbey Bochud`),
  },
  it: {
    male: words(`
      Marco Luca Giuseppe Giovanni Antonio Francesco Mario Paolo Andrea Alessandro Roberto Stefano
      Giorgio Fabio Davide Matteo Lorenzo Simone Riccardo Federico Massimo Claudio Sergio Luigi
      Pietro Carlo Franco Bruno Angelo Enrico Gianni Renato Nicola Daniele Michele Alberto Vittorio
      Filippo Tommaso Gabriele Emanuele Leonardo Edoardo Diego Mattia Samuele Raffaele Salvatore
      Vincenzo Domenico Gianluca Maurizio Fabrizio Dario Ivan Elia Nico Manuel Cristian Aldo Silvio`),
    female: words(`
      Maria Anna Giulia Francesca Laura Chiara Sara Paola Elena Valentina Alessandra Silvia
      Federica Martina Giorgia Roberta Monica Cristina Barbara Simona Daniela Claudia Antonella
      Patrizia Rosa Angela Lucia Teresa Giovanna Carla Elisa Aurora Sofia Alice Emma Beatrice
      Camilla Ginevra Noemi Arianna Ilaria Serena Michela Raffaella Marisa Luisa Gabriella Rita`),
    last: words(`
      Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti
      De_Luca Costa Giordano Mancini Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi
      Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli Vitale Lombardo Serra Coppola
      De_Santis Bernasconi Cattaneo Pedrazzini Lepori Guidotti Bernardoni Solari Ferrazzini Maggi
      Poretti Bianchetti Rusconi Gianella Canonica Cavadini Pellandini Rezzonico Quadri Lurati
      Crivelli Sala Fumagalli Brambilla Villa Bassi Pagani Riva Orsini Monti Carbone Neri Fabbri`),
  },
  en: {
    male: words(`
      James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel
      Matthew Anthony Mark Paul Steven Andrew Kenneth Joshua George Edward Peter Oliver Harry Jack
      Jacob Charlie Oscar Alfie Henry Samuel Benjamin Alexander Nicholas Jonathan Timothy Simon
      Stephen Graham Ian Colin Neil Gary Keith Barry Trevor Nigel Stuart Alan Brian Philip Martin`),
    female: words(`
      Mary Patricia Jennifer Linda Elizabeth Susan Jessica Sarah Karen Margaret Lisa Nancy Emily
      Olivia Amelia Isla Ava Jessica Sophie Charlotte Lucy Hannah Grace Chloe Emma Rebecca Rachel
      Katherine Victoria Helen Claire Joanne Nicola Louise Gemma Samantha Alison Fiona Janet Julie
      Deborah Angela Christine Jacqueline Pauline Catherine Eleanor Abigail Megan Alice Harriet`),
    last: words(`
      Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson
      Thompson Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood
      Turner Martin Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen James
      Scott Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter
      Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Khan Marshall Anderson Simpson
      Ellis Adams Singh Begum Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Ali Hunt
      Hussain Campbell Matthews Owen Palmer Holmes Mills Barnes Knight Lloyd Butler Russell Barker`),
  },
};

/** Formal first name → informal forms people also give (both directions count as the same person). */
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  Johannes: ['Hans'],
  Hans: ['Johannes', 'Hansi'],
  Josef: ['Sepp', 'Seppi'],
  Jakob: ['Köbi'],
  Rudolf: ['Ruedi', 'Rudi'],
  Heinrich: ['Heiri', 'Heinz'],
  Friedrich: ['Fritz'],
  Christian: ['Chrigel', 'Chris'],
  Andreas: ['Andi', 'Res'],
  Daniel: ['Dani', 'Dan'],
  Thomas: ['Tom', 'Thomi'],
  Martin: ['Mätthu'],
  Ulrich: ['Ueli'],
  Anton: ['Toni'],
  Stefanie: ['Steffi'],
  Elisabeth: ['Lisa', 'Elsbeth'],
  Susanne: ['Susi'],
  Theresia: ['Resi'],
  Verena: ['Vreni'],
  Barbara: ['Babs'],
  Katharina: ['Kathrin'],
  Franziska: ['Franzi'],
  Margrit: ['Margrith'],
  Robert: ['Bob', 'Rob'],
  William: ['Bill', 'Will'],
  James: ['Jim', 'Jimmy'],
  Michael: ['Mike', 'Michi'],
  Richard: ['Dick', 'Rick'],
  Edward: ['Ed', 'Ted'],
  Anthony: ['Tony'],
  Christopher: ['Chris'],
  Nicholas: ['Nick'],
  Samuel: ['Sam'],
  Benjamin: ['Ben'],
  Alexander: ['Alex'],
  Katherine: ['Kate', 'Katie'],
  Elizabeth: ['Liz', 'Beth'],
  Margaret: ['Peggy', 'Maggie'],
  Jennifer: ['Jenny'],
  Patricia: ['Pat'],
  Rebecca: ['Becky'],
  Victoria: ['Vicky'],
  Giuseppe: ['Beppe', 'Pippo'],
  Luigi: ['Gigi'],
  Alessandro: ['Sandro'],
  Francesco: ['Franco', 'Cesco'],
  Giovanni: ['Gianni'],
  Antonio: ['Toni'],
  Salvatore: ['Totò'],
  Domenico: ['Mimmo'],
  'Jean-Pierre': ['J.-P.', 'Jean Pierre'],
  'Jean-Claude': ['Jean Claude'],
  'Jean-François': ['Jean François'],
  'Marie-Claude': ['Marie Claude'],
  'Anne-Marie': ['Anne Marie'],
  Frédéric: ['Fred'],
  Alexandre: ['Alex'],
  Maxime: ['Max'],
  Nicolas: ['Nico'],
  Stéphanie: ['Steph'],
};

let longTail: string[] | undefined;

/**
 * The long tail of surnames: the shipped Faker-derived list (`resources/names/last-names.txt`,
 * ~5,500 names of the DE/FR/IT/EN/ES/NL/PT locales). Real customer files have thousands of
 * distinct surnames; drawing only from the common pools above makes unrelated namesakes too common.
 */
export function longTailLastNames(): string[] {
  longTail ??= readFileSync(new URL('../../resources/names/last-names.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s.length >= 3);
  return longTail;
}
