/**
 * Words the demo builds company and people names from, by language. Invented combinations of ordinary
 * words and surnames: any likeness to a real company is a coincidence of common words.
 */

/** A list written as comma-separated words over several lines. */
export function list(text: string): readonly string[] {
  return text
    .split(',')
    .map((word) => word.trim())
    .filter((word) => word !== '');
}

/** The naming language of each demo country (what its company names are made of). */
export const NAMING_LANGUAGE: Readonly<Record<string, NamingLanguage>> = {
  US: 'en',
  CA: 'en',
  GB: 'en',
  IE: 'en',
  AU: 'en',
  NZ: 'en',
  SG: 'en',
  JP: 'en',
  BR: 'en',
  ES: 'en',
  IT: 'en',
  SE: 'en',
  DE: 'de',
  AT: 'de',
  CH: 'de',
  FR: 'fr',
  BE: 'fr',
  NL: 'nl',
};
/** The languages the demo has words for. */
export type NamingLanguage = 'en' | 'de' | 'fr' | 'nl';

/**
 * Legal forms by country (`country:language` where they differ by language), repeated by how common they
 * are; `''` for a name used without one.
 */
export const LEGAL_FORMS: Readonly<Record<string, readonly string[]>> = {
  US: ['Inc.', 'LLC', 'Corp.', ''],
  CA: ['Inc.', 'Ltd.', 'Corp.', ''],
  GB: ['Ltd', 'Limited', 'plc', ''],
  IE: ['Ltd', 'Limited', 'DAC', ''],
  AU: ['Pty Ltd', 'Pty Ltd', 'Limited', ''],
  NZ: ['Limited', 'Ltd', ''],
  DE: ['GmbH', 'GmbH', 'AG', 'GmbH & Co. KG', 'SE'],
  AT: ['GmbH', 'GmbH', 'AG', 'KG'],
  CH: ['AG', 'GmbH', 'AG', ''],
  'CH:fr': ['SA', 'Sàrl', 'SA', ''],
  FR: ['SAS', 'SA', 'SARL', ''],
  BE: ['SA', 'SRL', 'SA'],
  'BE:nl': ['NV', 'BV', 'BV'],
  NL: ['B.V.', 'B.V.', 'N.V.', ''],
  JP: ['K.K.', 'Co., Ltd.'],
  SG: ['Pte Ltd', 'Pte. Ltd.'],
  BR: ['Ltda.', 'S.A.'],
  ES: ['S.L.', 'S.A.'],
  IT: ['S.r.l.', 'S.p.A.'],
  SE: ['AB'],
};

/** Web domain endings by country. */
export const DOMAIN_ENDINGS: Readonly<Record<string, readonly string[]>> = {
  US: ['com', 'com', 'com', 'io', 'net', 'us'],
  CA: ['ca', 'com'],
  GB: ['co.uk', 'co.uk', 'com'],
  IE: ['ie', 'com'],
  AU: ['com.au'],
  NZ: ['co.nz', 'nz'],
  DE: ['de', 'de', 'com'],
  AT: ['at', 'com'],
  CH: ['ch', 'ch', 'com'],
  FR: ['fr', 'fr', 'com'],
  BE: ['be', 'com'],
  NL: ['nl', 'nl', 'com'],
  JP: ['co.jp', 'jp'],
  SG: ['com.sg', 'sg'],
  BR: ['com.br'],
  ES: ['es', 'com'],
  IT: ['it', 'com'],
  SE: ['se', 'com'],
};

/** Evocative first words of IT partner names, shared by every country. */
export const PARTNER_ROOTS: readonly string[] = list(`
  Alder, Apex, Arcadia, Bastion, Beacon, Bluepeak, Brightwave, Caldera, Cedar, Clearpath, Cobalt, Corvus,
  Crestline, Driftwood, Ember, Everline, Falcon, Fathom, Foxglove, Glacier, Granite, Halcyon, Harborview,
  Helix, Horizon, Ironwood, Juniper, Kestrel, Keystone, Lakeshore, Larkspur, Lattice, Lighthouse, Lumen,
  Meridian, Monarch, Mosaic, Nimbus, Northstar, Oakridge, Obsidian, Onyx, Orbital, Paragon, Pinnacle,
  Pioneer, Quarry, Rampart, Redwood, Ridgeline, Sable, Sapphire, Sequoia, Silverline, Skyward, Solstice,
  Sparrow, Stonebridge, Summit, Talon, Tidewater, Trident, Upland, Vantage, Vector, Verdant, Vireo,
  Wavecrest, Waypoint, Westbrook, Willow, Zenith, Anchor, Aspen, Atlas, Boulder, Cardinal, Compass,
  Cypress, Elevate
`);

/** First words of partner names that sound local, by naming language. */
export const LOCAL_PARTNER_ROOTS: Readonly<Record<NamingLanguage, readonly string[]>> = {
  en: list(`
  Albion, Bayside, Cascade, Chesapeake, Cotswold, Great Lakes, Harbourside, Highland, Kauri, Kingsbridge,
  Laurentian, Liberty, Maple, Mersey, Mesa, Pennine, Prairie, Shannon, Sierra, Southern Cross, Tasman,
  Thames, Wattle, Liffey, Banksia, Rimu, Claddagh, Tyne
`),
  de: list(`
  Adler, Alpen, Bodensee, Donau, Edelweiss, Elbe, Falkenstein, Hanse, Isar, Lindenhof, Nordlicht,
  Rheinland, Schwarzwald, Sonnenberg, Brandt, Hofmann, Keller, Weber, Zimmermann, Berger, Lorenz, Kaiser,
  Wendt
`),
  fr: list(`
  Arcane, Azur, Belvédère, Cap, Étoile, Garonne, Loire, Lumière, Lutèce, Mistral, Provence, Rivage,
  Sequana, Vauban, Ardennes, Meuse, Mercier, Lambert, Dubois, Fontaine, Girard
`),
  nl: list(`
  Amstel, Delta, Maas, Noorderlicht, Oranje, Polder, Schelde, Vlinder, Zeeland, Dijkstra, Van Dam,
  Bakker, Visser, Smit, Mulder, Brouwer, Hendriks
`),
};

/** What partner names say they do, by naming language. */
export const PARTNER_DESCRIPTORS: Readonly<Record<NamingLanguage, readonly string[]>> = {
  en: list(`
  Systems, Solutions, Technologies, Consulting, IT Services, Digital, Networks, Data, Cloud, Integration,
  Technology Group, Tech, Computing, Partners, Security, Analytics, Software
`),
  de: list(`
  Systemhaus, IT-Beratung, Informatik, IT-Solutions, Consulting, Digital, Netzwerke, Datentechnik,
  Cloud Services, IT-Service, Software, Security
`),
  fr: list(`
  Informatique, Conseil, Solutions, Systèmes, Numérique, Réseaux, Cloud, Data, Technologies, Intégration,
  Sécurité
`),
  nl: list(`
  ICT, Automatisering, IT Solutions, Consultancy, Digital, Netwerken, Data, Cloud, Software, IT Services,
  Security
`),
};

/** Surnames, by naming language: end-customer names, contact names. */
export const SURNAMES: Readonly<Record<NamingLanguage, readonly string[]>> = {
  en: list(`
  Abbott, Ashford, Barlow, Bennett, Blackwood, Bradley, Brennan, Calloway, Carver, Chandler, Collins,
  Cooper, Crawford, Dalton, Dawson, Donovan, Ellison, Emerson, Fairchild, Fletcher, Forbes, Garrison,
  Gibson, Graham, Hale, Harcourt, Hargreaves, Hawkins, Hayes, Holloway, Hughes, Jennings, Keane, Kendall,
  Langley, Lawson, Lyle, Mackenzie, Mercer, Monroe, Morgan, Nash, Norwood, O’Brien, Palmer, Parker,
  Pearson, Prescott, Quinn, Radcliffe, Reed, Riley, Rutherford, Sawyer, Shepherd, Sinclair, Sterling,
  Sullivan, Thornton, Tucker, Turner, Vaughn, Walker, Wallace, Warren, Webster, Whitfield, Whitmore,
  Winslow, Wright, Ainsley, Beckett, Caldwell, Dempsey, Everett, Fitzgerald, Gallagher, Hadley, Irving,
  Kirby, Lockwood, Maddox, Nolan, Osborne, Pemberton, Redmond, Stratton, Talbot, Underwood, Yates
`),
  de: list(`
  Albrecht, Bauer, Becker, Bergmann, Brandt, Busch, Dietrich, Engel, Fischer, Frank, Friedrich, Fuchs,
  Graf, Günther, Hahn, Hartmann, Heinrich, Herrmann, Hoffmann, Huber, Jäger, Kaiser, Keller, Klein, Koch,
  König, Krause, Krüger, Kühn, Lange, Lehmann, Lorenz, Ludwig, Maier, Meyer, Möller, Neumann, Otto,
  Peters, Pohl, Richter, Roth, Schäfer, Scholz, Schmitt, Schneider, Schreiber, Schulz, Schwarz, Seidel,
  Sommer, Stein, Vogel, Voigt, Wagner, Walter, Weber, Werner, Winkler, Wolf, Zimmermann, Brunner, Gruber,
  Egger, Steiner, Moser, Hofer, Baumann, Frei, Gerber, Marti, Widmer
`),
  fr: list(`
  André, Arnaud, Aubert, Barbier, Benoît, Bertrand, Blanc, Bonnet, Bourgeois, Brun, Caron, Chevalier,
  Clément, Colin, Dubois, Dufour, Dumont, Durand, Fabre, Faure, Fontaine, Fournier, Gaillard, Garnier,
  Gauthier, Girard, Guérin, Henry, Joly, Lambert, Laurent, Leclerc, Lefèvre, Legrand, Lemaire, Leroy,
  Lucas, Marchand, Martin, Masson, Mathieu, Mercier, Meunier, Michel, Moreau, Morel, Nicolas, Perrin,
  Petit, Picard, Renaud, Robin, Rolland, Roussel, Roux, Vidal, Peeters, Janssens, Maes, Jacobs, Dupont,
  Lejeune
`),
  nl: list(`
  Bakker, Bos, Brouwer, de Boer, de Bruijn, de Graaf, de Groot, de Jong, de Vries, de Wit, Dekker,
  Dijkstra, Hendriks, Hoekstra, Jansen, Koster, Kok, Kuipers, Meijer, Mulder, Peters, Postma, Prins,
  Schouten, Smit, Smits, van Beek, van Dam, van den Berg, van der Meer, van der Linden, van Dijk,
  van Leeuwen, van Vliet, Verbeek, Vermeulen, Visser, Vos, Willems, Wouters, Claes, Goossens, Mertens,
  Wuyts, Verhoeven
`),
};

/** First names, by naming language: contact names. */
export const FIRST_NAMES: Readonly<Record<NamingLanguage, readonly string[]>> = {
  en: list(`
  Aaron, Abigail, Adam, Aisha, Alex, Amelia, Andrew, Anna, Ben, Beth, Carlos, Caroline, Chloe, Chris,
  Daniel, Diana, Emily, Ethan, Fiona, Grace, Hannah, Isaac, Jack, James, Jasmine, Jessica, Jordan, Karen,
  Kevin, Laura, Liam, Lucy, Maria, Mark, Megan, Michael, Nathan, Nicole, Olivia, Owen, Priya, Rachel,
  Ryan, Samantha, Sean, Sophie, Thomas, Zoe
`),
  de: list(`
  Andreas, Anja, Christian, Claudia, Daniel, Eva, Felix, Florian, Julia, Jürgen, Katharina, Laura, Lukas,
  Markus, Martina, Michael, Nina, Sabine, Sandra, Sebastian, Stefan, Tobias, Ursula, Jonas, Lena,
  Matthias, Petra, Ralf, Simone, Thomas
`),
  fr: list(`
  Antoine, Camille, Céline, Chloé, Claire, Élodie, Émilie, François, Guillaume, Hélène, Isabelle, Julien,
  Laurent, Léa, Manon, Marie, Mathieu, Nicolas, Olivier, Pierre, Sophie, Thomas, Valérie, Vincent, Yann
`),
  nl: list(`
  Anouk, Bas, Daan, Eline, Femke, Joost, Jeroen, Lotte, Maarten, Marieke, Niels, Pieter, Ruben, Sanne,
  Sven, Thijs, Wouter, Annelies, Koen, Sofie
`),
};

/** Places and qualities end-customer names start with, by naming language. */
export const PLACE_WORDS: Readonly<Record<NamingLanguage, readonly string[]>> = {
  en: list(`
  Bayview, Blue River, Brookfield, Cedar Grove, Clearwater, Copperfield, Crescent, Eastwood, Evergreen,
  Fairview, Granite Peak, Greenfield, Harbor Point, Highland, Ironbridge, Kingsway, Lakeside,
  Maple Ridge, Meadowbrook, Millbrook, Northfield, Northgate, Oak Valley, Pinecrest, Red Oak, Redstone,
  Riverbend, Silver Creek, Southport, Stonegate, Sterling, Sunrise, Tri-County, Westfield, Westgate,
  Whitestone, Windmill, Coastal, Heartland, Midland, Pacific, Atlantic, Summit, Frontier, Keystone,
  Golden Plains, Twin Rivers, Old Mill, Bridgewater, Ashgrove
`),
  de: list(`
  Nordsee, Ostsee, Rhein-Main, Alpenland, Süd, West, Nord, Elbtal, Spree, Main, Neckar, Harz, Taunus,
  Allgäu, Eifel, Mosel, Havel, Weser, Ruhr, Saale, Isartal, Inntal, Bodensee, Schwaben, Franken,
  Oberland, Mittelland, Donautal
`),
  fr: list(`
  Atlantique, Méditerranée, Alpes, Val de Loire, Provence, Normandie, Bretagne, Aquitaine, Rhône, Seine,
  Massif Central, Vendée, Jura, Vosges, Ardennes, Sud-Ouest, Grand Est, Hainaut, Brabant, Flandre,
  Wallonie, Azur
`),
  nl: list(`
  Noord, Zuid, Oost, West, Rijnmond, Veluwe, Brabant, Zeeland, Friesland, Twente, Kempen, Haven, Holland,
  Limburg, Drenthe, Gooi, IJssel, Waal, Vecht, Kust
`),
};
