/**
 * Where the demo channel's companies are: business cities of the demo program's territories (and a few
 * beyond them, for accounts and leads the program does not cover), each with its ISO 3166-2 subdivision,
 * approximate coordinates, the postal areas around its business districts, a weight (how much business
 * happens there) and the languages spoken.
 */
export interface City {
  name: string;
  country: string;
  subdivision: string;
  lat: number;
  lon: number;
  /** Postal prefixes of the city's business districts (outward codes, FSAs, routing keys, leading digits). */
  postal: readonly string[];
  weight: number;
  languages: readonly string[];
}

const en = ['en'] as const;

function city(
  name: string,
  country: string,
  subdivision: string,
  lat: number,
  lon: number,
  postal: readonly string[],
  weight: number,
  languages: readonly string[],
): City {
  return { name, country, subdivision: `${country}-${subdivision}`, lat, lon, postal, weight, languages };
}

/** The cities, by country. */
export const CITIES: readonly City[] = [
  // United States (ZIP prefixes: three digits)
  city('San Francisco', 'US', 'CA', 37.7749, -122.4194, ['941'], 9, en),
  city('San Jose', 'US', 'CA', 37.3382, -121.8863, ['951'], 5, en),
  city('Los Angeles', 'US', 'CA', 34.0522, -118.2437, ['900', '902'], 8, ['en', 'es']),
  city('San Diego', 'US', 'CA', 32.7157, -117.1611, ['921'], 4, ['en', 'es']),
  city('Seattle', 'US', 'WA', 47.6062, -122.3321, ['981'], 6, en),
  city('Portland', 'US', 'OR', 45.5152, -122.6784, ['972'], 3, en),
  city('Denver', 'US', 'CO', 39.7392, -104.9903, ['802'], 4, en),
  city('Salt Lake City', 'US', 'UT', 40.7608, -111.891, ['841'], 2, en),
  city('Phoenix', 'US', 'AZ', 33.4484, -112.074, ['850'], 3, ['en', 'es']),
  city('Austin', 'US', 'TX', 30.2672, -97.7431, ['787'], 5, en),
  city('Dallas', 'US', 'TX', 32.7767, -96.797, ['752'], 6, en),
  city('Houston', 'US', 'TX', 29.7604, -95.3698, ['770'], 5, ['en', 'es']),
  city('Chicago', 'US', 'IL', 41.8781, -87.6298, ['606'], 8, en),
  city('Minneapolis', 'US', 'MN', 44.9778, -93.265, ['554'], 3, en),
  city('St. Louis', 'US', 'MO', 38.627, -90.1994, ['631'], 2, en),
  city('Detroit', 'US', 'MI', 42.3314, -83.0458, ['482'], 3, en),
  city('Columbus', 'US', 'OH', 39.9612, -82.9988, ['432'], 3, en),
  city('Nashville', 'US', 'TN', 36.1627, -86.7816, ['372'], 3, en),
  city('Atlanta', 'US', 'GA', 33.749, -84.388, ['303'], 6, en),
  city('Miami', 'US', 'FL', 25.7617, -80.1918, ['331'], 5, ['en', 'es']),
  city('Charlotte', 'US', 'NC', 35.2271, -80.8431, ['282'], 4, en),
  city('Raleigh', 'US', 'NC', 35.7796, -78.6382, ['276'], 3, en),
  city('Richmond', 'US', 'VA', 37.5407, -77.436, ['232'], 2, en),
  city('Philadelphia', 'US', 'PA', 39.9526, -75.1652, ['191'], 5, en),
  city('Newark', 'US', 'NJ', 40.7357, -74.1724, ['071'], 3, en),
  city('New York', 'US', 'NY', 40.7128, -74.006, ['100', '101'], 10, en),
  city('Boston', 'US', 'MA', 42.3601, -71.0589, ['021'], 6, en),
  // Canada (forward sortation areas)
  city('Toronto', 'CA', 'ON', 43.6532, -79.3832, ['M5H', 'M5V', 'M4W', 'M5J'], 8, en),
  city('Ottawa', 'CA', 'ON', 45.4215, -75.6972, ['K1P', 'K2P'], 3, ['en', 'fr']),
  city('Montreal', 'CA', 'QC', 45.5017, -73.5673, ['H3B', 'H2X', 'H3A'], 5, ['fr', 'en']),
  city('Vancouver', 'CA', 'BC', 49.2827, -123.1207, ['V6B', 'V6C', 'V6E'], 5, en),
  city('Calgary', 'CA', 'AB', 51.0447, -114.0719, ['T2P', 'T2G'], 3, en),
  city('Edmonton', 'CA', 'AB', 53.5461, -113.4938, ['T5J'], 2, en),
  city('Halifax', 'CA', 'NS', 44.6488, -63.5752, ['B3H', 'B3J'], 1, en),
  city('Winnipeg', 'CA', 'MB', 49.8951, -97.1384, ['R3C'], 1, en),
  // United Kingdom (outward codes; London by borough)
  city('London (City)', 'GB', 'LND', 51.5155, -0.0922, ['EC2V', 'EC2M', 'EC3A', 'EC4M'], 8, en),
  city('London (Westminster)', 'GB', 'WSM', 51.4975, -0.1357, ['W1T', 'W1D', 'SW1A', 'SW1P'], 6, en),
  city('London (Camden)', 'GB', 'CMD', 51.529, -0.1255, ['WC1N', 'NW1'], 3, en),
  city('London (Canary Wharf)', 'GB', 'TWH', 51.5054, -0.0235, ['E14'], 4, en),
  city('London (Southwark)', 'GB', 'SWK', 51.5035, -0.0804, ['SE1'], 3, en),
  city('Manchester', 'GB', 'MAN', 53.4808, -2.2426, ['M1', 'M2', 'M3'], 5, en),
  city('Birmingham', 'GB', 'BIR', 52.4862, -1.8904, ['B1', 'B2', 'B3'], 4, en),
  city('Leeds', 'GB', 'LDS', 53.8008, -1.5491, ['LS1', 'LS2'], 3, en),
  city('Bristol', 'GB', 'BST', 51.4545, -2.5879, ['BS1', 'BS2'], 3, en),
  city('Reading', 'GB', 'RDG', 51.4543, -0.9781, ['RG1'], 2, en),
  city('Cambridge', 'GB', 'CAM', 52.2053, 0.1218, ['CB1', 'CB2'], 2, en),
  city('Oxford', 'GB', 'OXF', 51.752, -1.2577, ['OX1'], 1, en),
  city('Edinburgh', 'GB', 'EDH', 55.9533, -3.1883, ['EH1', 'EH2', 'EH3'], 3, en),
  city('Glasgow', 'GB', 'GLG', 55.8642, -4.2518, ['G1', 'G2'], 3, en),
  city('Cardiff', 'GB', 'CRF', 51.4816, -3.1791, ['CF10'], 2, en),
  city('Belfast', 'GB', 'BFS', 54.5973, -5.9301, ['BT1', 'BT2'], 2, en),
  // Ireland (Eircode routing keys)
  city('Dublin', 'IE', 'D', 53.3498, -6.2603, ['D02', 'D04', 'D08'], 6, en),
  city('Cork', 'IE', 'CO', 51.8985, -8.4756, ['T12', 'T23'], 2, en),
  city('Galway', 'IE', 'G', 53.2707, -9.0568, ['H91'], 1, en),
  city('Limerick', 'IE', 'LK', 52.6638, -8.6267, ['V94'], 1, en),
  city('Waterford', 'IE', 'WD', 52.2593, -7.1101, ['X91'], 1, en),
  // Germany (first two digits)
  city('Berlin', 'DE', 'BE', 52.52, 13.405, ['10', '12', '13'], 7, ['de', 'en']),
  city('Munich', 'DE', 'BY', 48.1351, 11.582, ['80', '81'], 7, ['de', 'en']),
  city('Nuremberg', 'DE', 'BY', 49.4521, 11.0767, ['90'], 3, ['de']),
  city('Hamburg', 'DE', 'HH', 53.5511, 9.9937, ['20', '22'], 6, ['de', 'en']),
  city('Frankfurt am Main', 'DE', 'HE', 50.1109, 8.6821, ['60'], 6, ['de', 'en']),
  city('Cologne', 'DE', 'NW', 50.9375, 6.9603, ['50', '51'], 4, ['de']),
  city('Düsseldorf', 'DE', 'NW', 51.2277, 6.7735, ['40'], 4, ['de', 'en']),
  city('Stuttgart', 'DE', 'BW', 48.7758, 9.1829, ['70'], 5, ['de']),
  city('Karlsruhe', 'DE', 'BW', 49.0069, 8.4037, ['76'], 2, ['de']),
  city('Leipzig', 'DE', 'SN', 51.3397, 12.3731, ['04'], 2, ['de']),
  city('Dresden', 'DE', 'SN', 51.0504, 13.7373, ['01'], 2, ['de']),
  city('Hanover', 'DE', 'NI', 52.3759, 9.732, ['30'], 3, ['de']),
  // Austria (first two digits)
  city('Vienna', 'AT', '9', 48.2082, 16.3738, ['10', '11', '12'], 6, ['de', 'en']),
  city('Graz', 'AT', '6', 47.0707, 15.4395, ['80'], 2, ['de']),
  city('Linz', 'AT', '4', 48.3069, 14.2858, ['40'], 2, ['de']),
  city('Salzburg', 'AT', '5', 47.8095, 13.055, ['50'], 1, ['de']),
  city('Innsbruck', 'AT', '7', 47.2692, 11.4041, ['60'], 1, ['de']),
  // Switzerland (first two digits)
  city('Zurich', 'CH', 'ZH', 47.3769, 8.5417, ['80'], 6, ['de', 'en']),
  city('Geneva', 'CH', 'GE', 46.2044, 6.1432, ['12'], 4, ['fr', 'en']),
  city('Basel', 'CH', 'BS', 47.5596, 7.5886, ['40'], 3, ['de', 'en']),
  city('Bern', 'CH', 'BE', 46.948, 7.4474, ['30'], 2, ['de', 'fr']),
  city('Lausanne', 'CH', 'VD', 46.5197, 6.6323, ['10'], 2, ['fr']),
  city('Zug', 'CH', 'ZG', 47.1662, 8.5155, ['63'], 2, ['de', 'en']),
  city('Lucerne', 'CH', 'LU', 47.0502, 8.3093, ['60'], 1, ['de']),
  // France (first three digits)
  city('Paris', 'FR', 'IDF', 48.8566, 2.3522, ['750'], 9, ['fr', 'en']),
  city('La Défense', 'FR', 'IDF', 48.8924, 2.2369, ['924'], 4, ['fr', 'en']),
  city('Lyon', 'FR', 'ARA', 45.764, 4.8357, ['690'], 5, ['fr']),
  city('Grenoble', 'FR', 'ARA', 45.1885, 5.7245, ['380'], 2, ['fr']),
  city('Marseille', 'FR', 'PAC', 43.2965, 5.3698, ['130'], 3, ['fr']),
  city('Nice', 'FR', 'PAC', 43.7102, 7.262, ['060'], 2, ['fr', 'en']),
  city('Toulouse', 'FR', 'OCC', 43.6047, 1.4442, ['310'], 3, ['fr']),
  city('Montpellier', 'FR', 'OCC', 43.6108, 3.8767, ['340'], 2, ['fr']),
  city('Bordeaux', 'FR', 'NAQ', 44.8378, -0.5792, ['330'], 3, ['fr']),
  city('Lille', 'FR', 'HDF', 50.6292, 3.0573, ['590'], 3, ['fr']),
  city('Nantes', 'FR', 'PDL', 47.2184, -1.5536, ['440'], 3, ['fr']),
  city('Strasbourg', 'FR', 'GES', 48.5734, 7.7521, ['670'], 2, ['fr', 'de']),
  city('Rennes', 'FR', 'BRE', 48.1173, -1.6778, ['350'], 2, ['fr']),
  // Netherlands (first two digits)
  city('Amsterdam', 'NL', 'NH', 52.3676, 4.9041, ['10'], 7, ['nl', 'en']),
  city('Rotterdam', 'NL', 'ZH', 51.9244, 4.4777, ['30'], 4, ['nl', 'en']),
  city('The Hague', 'NL', 'ZH', 52.0705, 4.3007, ['25'], 3, ['nl', 'en']),
  city('Utrecht', 'NL', 'UT', 52.0907, 5.1214, ['35'], 3, ['nl', 'en']),
  city('Eindhoven', 'NL', 'NB', 51.4416, 5.4697, ['56'], 3, ['nl', 'en']),
  city('Groningen', 'NL', 'GR', 53.2194, 6.5665, ['97'], 1, ['nl']),
  // Belgium (first two digits)
  city('Brussels', 'BE', 'BRU', 50.8503, 4.3517, ['10', '12'], 6, ['fr', 'nl', 'en']),
  city('Antwerp', 'BE', 'VAN', 51.2194, 4.4025, ['20'], 4, ['nl', 'en']),
  city('Ghent', 'BE', 'VOV', 51.0543, 3.7174, ['90'], 2, ['nl']),
  city('Leuven', 'BE', 'VBR', 50.8798, 4.7005, ['30'], 2, ['nl', 'en']),
  city('Liège', 'BE', 'WLG', 50.6326, 5.5797, ['40'], 2, ['fr']),
  city('Namur', 'BE', 'WNA', 50.4674, 4.872, ['50'], 1, ['fr']),
  // Australia (first two digits)
  city('Sydney', 'AU', 'NSW', -33.8688, 151.2093, ['20'], 8, en),
  city('Melbourne', 'AU', 'VIC', -37.8136, 144.9631, ['30'], 7, en),
  city('Brisbane', 'AU', 'QLD', -27.4698, 153.0251, ['40'], 4, en),
  city('Perth', 'AU', 'WA', -31.9505, 115.8605, ['60'], 3, en),
  city('Adelaide', 'AU', 'SA', -34.9285, 138.6007, ['50'], 2, en),
  city('Canberra', 'AU', 'ACT', -35.2809, 149.13, ['26'], 2, en),
  city('Hobart', 'AU', 'TAS', -42.8821, 147.3272, ['70'], 1, en),
  // New Zealand (first two digits)
  city('Auckland', 'NZ', 'AUK', -36.8485, 174.7633, ['10'], 5, en),
  city('Wellington', 'NZ', 'WGN', -41.2865, 174.7762, ['60'], 3, en),
  city('Christchurch', 'NZ', 'CAN', -43.5321, 172.6362, ['80'], 2, en),
  city('Hamilton', 'NZ', 'WKO', -37.787, 175.2793, ['32'], 1, en),
  city('Tauranga', 'NZ', 'BOP', -37.6878, 176.1651, ['31'], 1, en),
  city('Dunedin', 'NZ', 'OTA', -45.8788, 170.5028, ['90'], 1, en),
  // Beyond the demo program's territories
  city('Tokyo', 'JP', '13', 35.6762, 139.6503, ['100', '105'], 3, ['ja', 'en']),
  city('Singapore', 'SG', '01', 1.2834, 103.8607, ['018', '049'], 3, en),
  city('São Paulo', 'BR', 'SP', -23.5505, -46.6333, ['010', '045'], 2, ['pt']),
  city('Madrid', 'ES', 'MD', 40.4168, -3.7038, ['280'], 2, ['es']),
  city('Milan', 'IT', 'MI', 45.4642, 9.19, ['201'], 2, ['it']),
  city('Stockholm', 'SE', 'AB', 59.3293, 18.0686, ['111', '114'], 2, ['sv', 'en']),
];
