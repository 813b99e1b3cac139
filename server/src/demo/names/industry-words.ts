import { list, type NamingLanguage } from './words.js';

/** The industries of the demo's end customers (catalogue codes) and how common each is. */
export const INDUSTRIES: readonly { code: string; weight: number }[] = [
  { code: 'financial-services', weight: 12 },
  { code: 'healthcare', weight: 10 },
  { code: 'manufacturing', weight: 14 },
  { code: 'retail', weight: 9 },
  { code: 'technology', weight: 12 },
  { code: 'telecommunications', weight: 4 },
  { code: 'energy', weight: 5 },
  { code: 'transportation', weight: 6 },
  { code: 'public-sector', weight: 5 },
  { code: 'education', weight: 4 },
  { code: 'media', weight: 4 },
  { code: 'professional-services', weight: 9 },
  { code: 'construction', weight: 4 },
  { code: 'hospitality', weight: 2 },
];

/** What the end customers of an industry call themselves, by naming language. */
export const INDUSTRY_WORDS: Readonly<Record<string, Readonly<Record<NamingLanguage, readonly string[]>>>> = {
  'financial-services': {
    en: list('Capital, Bank, Credit Union, Insurance, Wealth Management, Asset Management, Financial, Mutual'),
    de: list('Bank, Versicherung, Vermögensverwaltung, Finanz, Privatbank, Leasing'),
    fr: list('Banque, Assurances, Gestion Privée, Finance, Crédit, Patrimoine'),
    nl: list('Bank, Verzekeringen, Vermogensbeheer, Financiële Diensten, Lease'),
  },
  healthcare: {
    en: list('Health, Medical Group, Clinics, Pharma, Laboratories, Care, Diagnostics, Health Partners'),
    de: list('Klinikum, Pharma, Medizintechnik, Gesundheit, Labor, Pflege'),
    fr: list('Santé, Cliniques, Pharma, Laboratoires, Médical, Soins'),
    nl: list('Zorg, Medisch Centrum, Farma, Diagnostiek, Zorggroep'),
  },
  manufacturing: {
    en: list('Manufacturing, Industries, Precision, Components, Fabrication, Machinery, Plastics, Metalworks'),
    de: list('Maschinenbau, Werkzeugbau, Präzisionstechnik, Industrie, Metallbau, Antriebstechnik, Kunststofftechnik'),
    fr: list('Industrie, Mécanique, Usinage, Plasturgie, Équipements, Métallurgie'),
    nl: list('Machinebouw, Metaal, Industrie, Kunststoffen, Techniek, Productie'),
  },
  retail: {
    en: list('Retail, Stores, Outfitters, Markets, Home & Garden, Apparel, Grocers'),
    de: list('Handel, Warenhaus, Moden, Markt, Einrichtung'),
    fr: list('Distribution, Magasins, Mode, Marché, Maison'),
    nl: list('Retail, Winkels, Mode, Markt, Wonen'),
  },
  technology: {
    en: list('Software, Labs, Analytics, Robotics, Devices, Semiconductors, Cloud'),
    de: list('Software, Systeme, Robotik, Elektronik, Sensorik'),
    fr: list('Logiciels, Technologies, Robotique, Électronique, Systèmes'),
    nl: list('Software, Technologie, Robotica, Elektronica'),
  },
  telecommunications: {
    en: list('Telecom, Communications, Networks, Broadband, Fibre'),
    de: list('Telekom, Kommunikation, Netze, Glasfaser'),
    fr: list('Télécom, Communications, Réseaux, Fibre'),
    nl: list('Telecom, Communicatie, Netwerken, Glasvezel'),
  },
  energy: {
    en: list('Energy, Power, Utilities, Solar, Renewables, Gas & Electric'),
    de: list('Energie, Stadtwerke, Solar, Netz, Windkraft'),
    fr: list('Énergie, Électricité, Solaire, Renouvelables'),
    nl: list('Energie, Netbeheer, Zonne-energie, Windenergie'),
  },
  transportation: {
    en: list('Logistics, Freight, Transport, Shipping, Aviation Services, Fleet Services'),
    de: list('Logistik, Spedition, Transport, Luftfracht, Verkehrsbetriebe'),
    fr: list('Logistique, Transports, Fret, Messagerie'),
    nl: list('Logistiek, Transport, Expeditie, Scheepvaart'),
  },
  'public-sector': {
    en: list('Transit Authority, Water Board, Housing Agency, Health District, Port Authority, Municipal Services'),
    de: list('Verkehrsverbund, Wasserverband, Wohnungsbau, Zweckverband, Hafenbetriebe'),
    fr: list('Syndicat des Eaux, Habitat, Transports Publics, Port Autonome, Services Municipaux'),
    nl: list('Waterschap, Woningcorporatie, Vervoersbedrijf, Havenbedrijf, Gemeentelijke Diensten'),
  },
  education: {
    en: list('College, Academy, Institute of Technology, School District, Learning Trust'),
    de: list('Hochschule, Akademie, Bildungswerk, Fachschule'),
    fr: list('École, Institut, Académie, Formation'),
    nl: list('Hogeschool, Academie, Onderwijsgroep, College'),
  },
  media: {
    en: list('Media, Publishing, Studios, Broadcasting, Press'),
    de: list('Verlag, Medien, Studios, Rundfunk'),
    fr: list('Éditions, Médias, Studios, Presse'),
    nl: list('Uitgeverij, Media, Studio’s, Omroep'),
  },
  'professional-services': {
    en: list('Advisory, Partners, Consulting Group, Accountants, Associates, Law'),
    de: list('Steuerberatung, Rechtsanwälte, Wirtschaftsprüfung, Beratung, Partner'),
    fr: list('Conseil, Avocats, Expertise Comptable, Associés'),
    nl: list('Advies, Advocaten, Accountants, Adviseurs'),
  },
  construction: {
    en: list('Construction, Builders, Engineering, Contractors, Homes'),
    de: list('Bau, Bauunternehmung, Ingenieurbau, Hochbau'),
    fr: list('Construction, BTP, Bâtiment, Génie Civil'),
    nl: list('Bouw, Aannemers, Bouwgroep, Infra'),
  },
  hospitality: {
    en: list('Hotels, Resorts, Hospitality Group, Restaurants'),
    de: list('Hotels, Gastronomie, Hotelgruppe'),
    fr: list('Hôtels, Restauration, Hôtellerie'),
    nl: list('Hotels, Horeca, Hotelgroep'),
  },
};
