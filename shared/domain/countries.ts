/**
 * Countries and areas of ISO 3166-1 (all 249 alpha-2 codes) with the public UN classifications
 * that representation statistics use. Pure data: no Node, DOM, Electron or database imports.
 *
 * Sources and dates
 * - Regions: UN M49 "Standard country or area codes for statistical use"
 *   (unstats.un.org/unsd/methodology/m49), as published in 2024. `region` is the M49 region, with
 *   the Americas split at M49's next level into 'Latin America and the Caribbean' (419) and
 *   'Northern America' (021), as IGF balance reporting needs. `subRegion` is the M49 sub-region
 *   (e.g. 'Sub-Saharan Africa', 'Latin America and the Caribbean', 'Polynesia'); `intermediateRegion`
 *   is the M49 intermediate region where there is one (e.g. 'Eastern Africa', 'Caribbean',
 *   'Channel Islands').
 *   Two documented choices where M49 has no answer:
 *   - Antarctica (AQ) belongs to no M49 region. It is put in 'oceania' with the sub-region
 *     'Antarctica' (not an M49 name), because its most populous station (McMurdo) keeps New Zealand
 *     time and every code should have a region.
 *   - Taiwan (TW) is not listed separately in M49; it is put in 'Eastern Asia'.
 * - Least developed countries (LDC): the UN list as at 13 December 2024 (44 countries), i.e. after
 *   Bhutan's graduation (13 Dec 2023) and São Tomé and Príncipe's (13 Dec 2024). Bangladesh, Lao PDR
 *   and Nepal are scheduled to graduate on 24 Nov 2026, Solomon Islands in Dec 2027: update then.
 * - Landlocked developing countries (LLDC): the UN-OHRLLS list of 32 countries.
 * - Small island developing States (SIDS): the UN-OHRLLS list, 38 UN Member States and 20 non-UN
 *   Members / Associate Members of the UN regional commissions (58 in all).
 * - `developed`: the former M49 "developed regions" convention (the M49 page's own note, and the
 *   "more developed regions" of UN DESA): Europe, Northern America, Japan, Australia and New
 *   Zealand (with the M49 sub-region 'Australia and New Zealand', so also Christmas Island, Cocos
 *   (Keeling) Islands, Norfolk Island and Heard Island). Everything else is 'developing'; in
 *   particular Israel, Cyprus (both Western Asia), the Republic of Korea and Singapore count as
 *   developing under this convention, whatever their income. UNSD dropped the distinction from M49
 *   in 2021; it is kept here only because IGF reports still speak of developing countries.
 * - Time zones: IANA tz database (2025) zone.tab entries per country, most populous zone first (the
 *   first is the suggestion). Names are the current canonical ones (e.g. 'Europe/Kyiv',
 *   'Asia/Kolkata', 'Pacific/Kanton'); each is accepted by Intl.DateTimeFormat in Node 20 and in
 *   Chromium. America/Coyhaique (added in tzdata 2025b) is left out for older ICU builds: Aysén
 *   keeps the same offset as America/Punta_Arenas. Note that ICU may report a zone under its older
 *   alias (Node 20 resolves 'Europe/Kyiv' to 'Europe/Kiev'), so compare zones after resolving both.
 *   Bouvet Island (BV) and Heard Island (HM) are uninhabited and have no IANA zone: empty list.
 * - Names: English short names after ISO 3166-1 / CLDR, in their readable form ('Bolivia',
 *   'South Korea', 'Türkiye', "Côte d'Ivoire").
 *
 * Development status for statistics (`developmentStatusOf`): one category per country, with the
 * precedence ldc > lldc > sids > developed | developing. A country that is both LDC and LLDC
 * (Nepal) or LDC and SIDS (Haiti) counts as 'ldc'; an LLDC that is not an LDC (Mongolia) as 'lldc';
 * a SIDS that is neither (Fiji) as 'sids'. The three flags stay available on `Country` for
 * analyses that need overlapping groups.
 */

export const REGIONS = [
  'africa',
  'asia',
  'europe',
  'latin_america_caribbean',
  'northern_america',
  'oceania',
] as const;
export type Region = (typeof REGIONS)[number];
export const REGION_LABELS: Record<Region, string> = {
  africa: 'Africa',
  asia: 'Asia',
  europe: 'Europe',
  latin_america_caribbean: 'Latin America and the Caribbean',
  northern_america: 'Northern America',
  oceania: 'Oceania',
};

export const DEVELOPMENT_STATUSES = ['ldc', 'lldc', 'sids', 'developing', 'developed'] as const;
export type DevelopmentStatus = (typeof DEVELOPMENT_STATUSES)[number];
export const DEVELOPMENT_STATUS_LABELS: Record<DevelopmentStatus, string> = {
  ldc: 'Least developed country (LDC)',
  lldc: 'Landlocked developing country (LLDC)',
  sids: 'Small island developing State (SIDS)',
  developing: 'Other developing country',
  developed: 'Developed country',
};

export interface Country {
  /** ISO 3166-1 alpha-2, upper case. */
  code: string;
  name: string;
  region: Region;
  /** M49 sub-region, e.g. 'Sub-Saharan Africa', 'Western Europe'. */
  subRegion: string;
  /** M49 intermediate region, e.g. 'Eastern Africa', 'Caribbean'; null where M49 has none. */
  intermediateRegion: string | null;
  ldc: boolean;
  lldc: boolean;
  sids: boolean;
  developed: boolean;
  /** IANA zone names, most populous first; may be empty (uninhabited areas). */
  timeZones: readonly string[];
}

/** M49 areas by short key: [region, sub-region, intermediate region]. */
const AREAS = {
  NAF: ['africa', 'Northern Africa', null],
  EAF: ['africa', 'Sub-Saharan Africa', 'Eastern Africa'],
  MAF: ['africa', 'Sub-Saharan Africa', 'Middle Africa'],
  SAF: ['africa', 'Sub-Saharan Africa', 'Southern Africa'],
  WAF: ['africa', 'Sub-Saharan Africa', 'Western Africa'],
  CAR: ['latin_america_caribbean', 'Latin America and the Caribbean', 'Caribbean'],
  CAM: ['latin_america_caribbean', 'Latin America and the Caribbean', 'Central America'],
  SAM: ['latin_america_caribbean', 'Latin America and the Caribbean', 'South America'],
  NAM: ['northern_america', 'Northern America', null],
  CAS: ['asia', 'Central Asia', null],
  EAS: ['asia', 'Eastern Asia', null],
  SEA: ['asia', 'South-eastern Asia', null],
  SAS: ['asia', 'Southern Asia', null],
  WAS: ['asia', 'Western Asia', null],
  EEU: ['europe', 'Eastern Europe', null],
  NEU: ['europe', 'Northern Europe', null],
  CHI: ['europe', 'Northern Europe', 'Channel Islands'],
  SEU: ['europe', 'Southern Europe', null],
  WEU: ['europe', 'Western Europe', null],
  ANZ: ['oceania', 'Australia and New Zealand', null],
  MEL: ['oceania', 'Melanesia', null],
  MIC: ['oceania', 'Micronesia', null],
  POL: ['oceania', 'Polynesia', null],
  ATA: ['oceania', 'Antarctica', null],
} as const satisfies Record<string, readonly [Region, string, string | null]>;
type AreaKey = keyof typeof AREAS;

/** [alpha-2, name, M49 area, space-separated flags (ldc lldc sids), space-separated IANA zones] */
type Row = readonly [string, string, AreaKey, string, string];

// prettier-ignore
const ROWS: readonly Row[] = [
  ['AF', 'Afghanistan', 'SAS', 'ldc lldc', 'Asia/Kabul'],
  ['AX', 'Åland Islands', 'NEU', '', 'Europe/Mariehamn'],
  ['AL', 'Albania', 'SEU', '', 'Europe/Tirane'],
  ['DZ', 'Algeria', 'NAF', '', 'Africa/Algiers'],
  ['AS', 'American Samoa', 'POL', 'sids', 'Pacific/Pago_Pago'],
  ['AD', 'Andorra', 'SEU', '', 'Europe/Andorra'],
  ['AO', 'Angola', 'MAF', 'ldc', 'Africa/Luanda'],
  ['AI', 'Anguilla', 'CAR', 'sids', 'America/Anguilla'],
  ['AQ', 'Antarctica', 'ATA', '', 'Antarctica/McMurdo Antarctica/Casey Antarctica/Davis Antarctica/DumontDUrville Antarctica/Mawson Antarctica/Palmer Antarctica/Rothera Antarctica/Syowa Antarctica/Troll Antarctica/Vostok'],
  ['AG', 'Antigua and Barbuda', 'CAR', 'sids', 'America/Antigua'],
  ['AR', 'Argentina', 'SAM', '', 'America/Argentina/Buenos_Aires America/Argentina/Cordoba America/Argentina/Salta America/Argentina/Jujuy America/Argentina/Tucuman America/Argentina/Catamarca America/Argentina/La_Rioja America/Argentina/San_Juan America/Argentina/Mendoza America/Argentina/San_Luis America/Argentina/Rio_Gallegos America/Argentina/Ushuaia'],
  ['AM', 'Armenia', 'WAS', 'lldc', 'Asia/Yerevan'],
  ['AW', 'Aruba', 'CAR', 'sids', 'America/Aruba'],
  ['AU', 'Australia', 'ANZ', '', 'Australia/Sydney Australia/Melbourne Australia/Brisbane Australia/Perth Australia/Adelaide Australia/Hobart Australia/Darwin Australia/Lord_Howe Antarctica/Macquarie Australia/Broken_Hill Australia/Lindeman Australia/Eucla'],
  ['AT', 'Austria', 'WEU', '', 'Europe/Vienna'],
  ['AZ', 'Azerbaijan', 'WAS', 'lldc', 'Asia/Baku'],
  ['BS', 'Bahamas', 'CAR', 'sids', 'America/Nassau'],
  ['BH', 'Bahrain', 'WAS', 'sids', 'Asia/Bahrain'],
  ['BD', 'Bangladesh', 'SAS', 'ldc', 'Asia/Dhaka'],
  ['BB', 'Barbados', 'CAR', 'sids', 'America/Barbados'],
  ['BY', 'Belarus', 'EEU', '', 'Europe/Minsk'],
  ['BE', 'Belgium', 'WEU', '', 'Europe/Brussels'],
  ['BZ', 'Belize', 'CAM', 'sids', 'America/Belize'],
  ['BJ', 'Benin', 'WAF', 'ldc', 'Africa/Porto-Novo'],
  ['BM', 'Bermuda', 'NAM', 'sids', 'Atlantic/Bermuda'],
  ['BT', 'Bhutan', 'SAS', 'lldc', 'Asia/Thimphu'],
  ['BO', 'Bolivia', 'SAM', 'lldc', 'America/La_Paz'],
  ['BQ', 'Bonaire, Sint Eustatius and Saba', 'CAR', '', 'America/Kralendijk'],
  ['BA', 'Bosnia and Herzegovina', 'SEU', '', 'Europe/Sarajevo'],
  ['BW', 'Botswana', 'SAF', 'lldc', 'Africa/Gaborone'],
  ['BV', 'Bouvet Island', 'SAM', '', ''],
  ['BR', 'Brazil', 'SAM', '', 'America/Sao_Paulo America/Bahia America/Fortaleza America/Recife America/Manaus America/Belem America/Maceio America/Cuiaba America/Campo_Grande America/Porto_Velho America/Araguaina America/Santarem America/Rio_Branco America/Boa_Vista America/Noronha America/Eirunepe'],
  ['IO', 'British Indian Ocean Territory', 'EAF', '', 'Indian/Chagos'],
  ['VG', 'British Virgin Islands', 'CAR', 'sids', 'America/Tortola'],
  ['BN', 'Brunei', 'SEA', '', 'Asia/Brunei'],
  ['BG', 'Bulgaria', 'EEU', '', 'Europe/Sofia'],
  ['BF', 'Burkina Faso', 'WAF', 'ldc lldc', 'Africa/Ouagadougou'],
  ['BI', 'Burundi', 'EAF', 'ldc lldc', 'Africa/Bujumbura'],
  ['CV', 'Cabo Verde', 'WAF', 'sids', 'Atlantic/Cape_Verde'],
  ['KH', 'Cambodia', 'SEA', 'ldc', 'Asia/Phnom_Penh'],
  ['CM', 'Cameroon', 'MAF', '', 'Africa/Douala'],
  ['CA', 'Canada', 'NAM', '', 'America/Toronto America/Vancouver America/Edmonton America/Winnipeg America/Halifax America/Regina America/St_Johns America/Moncton America/Glace_Bay America/Goose_Bay America/Blanc-Sablon America/Iqaluit America/Atikokan America/Resolute America/Rankin_Inlet America/Swift_Current America/Cambridge_Bay America/Inuvik America/Creston America/Dawson_Creek America/Fort_Nelson America/Whitehorse America/Dawson'],
  ['KY', 'Cayman Islands', 'CAR', 'sids', 'America/Cayman'],
  ['CF', 'Central African Republic', 'MAF', 'ldc lldc', 'Africa/Bangui'],
  ['TD', 'Chad', 'MAF', 'ldc lldc', 'Africa/Ndjamena'],
  ['CL', 'Chile', 'SAM', '', 'America/Santiago America/Punta_Arenas Pacific/Easter'],
  ['CN', 'China', 'EAS', '', 'Asia/Shanghai Asia/Urumqi'],
  ['CX', 'Christmas Island', 'ANZ', '', 'Indian/Christmas'],
  ['CC', 'Cocos (Keeling) Islands', 'ANZ', '', 'Indian/Cocos'],
  ['CO', 'Colombia', 'SAM', '', 'America/Bogota'],
  ['KM', 'Comoros', 'EAF', 'ldc sids', 'Indian/Comoro'],
  ['CG', 'Congo', 'MAF', '', 'Africa/Brazzaville'],
  ['CD', 'Congo, Democratic Republic of the', 'MAF', 'ldc', 'Africa/Kinshasa Africa/Lubumbashi'],
  ['CK', 'Cook Islands', 'POL', 'sids', 'Pacific/Rarotonga'],
  ['CR', 'Costa Rica', 'CAM', '', 'America/Costa_Rica'],
  ['CI', "Côte d'Ivoire", 'WAF', '', 'Africa/Abidjan'],
  ['HR', 'Croatia', 'SEU', '', 'Europe/Zagreb'],
  ['CU', 'Cuba', 'CAR', 'sids', 'America/Havana'],
  ['CW', 'Curaçao', 'CAR', 'sids', 'America/Curacao'],
  ['CY', 'Cyprus', 'WAS', '', 'Asia/Nicosia Asia/Famagusta'],
  ['CZ', 'Czechia', 'EEU', '', 'Europe/Prague'],
  ['DK', 'Denmark', 'NEU', '', 'Europe/Copenhagen'],
  ['DJ', 'Djibouti', 'EAF', 'ldc', 'Africa/Djibouti'],
  ['DM', 'Dominica', 'CAR', 'sids', 'America/Dominica'],
  ['DO', 'Dominican Republic', 'CAR', 'sids', 'America/Santo_Domingo'],
  ['EC', 'Ecuador', 'SAM', '', 'America/Guayaquil Pacific/Galapagos'],
  ['EG', 'Egypt', 'NAF', '', 'Africa/Cairo'],
  ['SV', 'El Salvador', 'CAM', '', 'America/El_Salvador'],
  ['GQ', 'Equatorial Guinea', 'MAF', '', 'Africa/Malabo'],
  ['ER', 'Eritrea', 'EAF', 'ldc', 'Africa/Asmara'],
  ['EE', 'Estonia', 'NEU', '', 'Europe/Tallinn'],
  ['SZ', 'Eswatini', 'SAF', 'lldc', 'Africa/Mbabane'],
  ['ET', 'Ethiopia', 'EAF', 'ldc lldc', 'Africa/Addis_Ababa'],
  ['FK', 'Falkland Islands', 'SAM', '', 'Atlantic/Stanley'],
  ['FO', 'Faroe Islands', 'NEU', '', 'Atlantic/Faroe'],
  ['FJ', 'Fiji', 'MEL', 'sids', 'Pacific/Fiji'],
  ['FI', 'Finland', 'NEU', '', 'Europe/Helsinki'],
  ['FR', 'France', 'WEU', '', 'Europe/Paris'],
  ['GF', 'French Guiana', 'SAM', '', 'America/Cayenne'],
  ['PF', 'French Polynesia', 'POL', 'sids', 'Pacific/Tahiti Pacific/Marquesas Pacific/Gambier'],
  ['TF', 'French Southern Territories', 'EAF', '', 'Indian/Kerguelen'],
  ['GA', 'Gabon', 'MAF', '', 'Africa/Libreville'],
  ['GM', 'Gambia', 'WAF', 'ldc', 'Africa/Banjul'],
  ['GE', 'Georgia', 'WAS', '', 'Asia/Tbilisi'],
  ['DE', 'Germany', 'WEU', '', 'Europe/Berlin Europe/Busingen'],
  ['GH', 'Ghana', 'WAF', '', 'Africa/Accra'],
  ['GI', 'Gibraltar', 'SEU', '', 'Europe/Gibraltar'],
  ['GR', 'Greece', 'SEU', '', 'Europe/Athens'],
  ['GL', 'Greenland', 'NAM', '', 'America/Nuuk America/Danmarkshavn America/Scoresbysund America/Thule'],
  ['GD', 'Grenada', 'CAR', 'sids', 'America/Grenada'],
  ['GP', 'Guadeloupe', 'CAR', 'sids', 'America/Guadeloupe'],
  ['GU', 'Guam', 'MIC', 'sids', 'Pacific/Guam'],
  ['GT', 'Guatemala', 'CAM', '', 'America/Guatemala'],
  ['GG', 'Guernsey', 'CHI', '', 'Europe/Guernsey'],
  ['GN', 'Guinea', 'WAF', 'ldc', 'Africa/Conakry'],
  ['GW', 'Guinea-Bissau', 'WAF', 'ldc sids', 'Africa/Bissau'],
  ['GY', 'Guyana', 'SAM', 'sids', 'America/Guyana'],
  ['HT', 'Haiti', 'CAR', 'ldc sids', 'America/Port-au-Prince'],
  ['HM', 'Heard Island and McDonald Islands', 'ANZ', '', ''],
  ['VA', 'Holy See', 'SEU', '', 'Europe/Vatican'],
  ['HN', 'Honduras', 'CAM', '', 'America/Tegucigalpa'],
  ['HK', 'Hong Kong', 'EAS', '', 'Asia/Hong_Kong'],
  ['HU', 'Hungary', 'EEU', '', 'Europe/Budapest'],
  ['IS', 'Iceland', 'NEU', '', 'Atlantic/Reykjavik'],
  ['IN', 'India', 'SAS', '', 'Asia/Kolkata'],
  ['ID', 'Indonesia', 'SEA', '', 'Asia/Jakarta Asia/Makassar Asia/Pontianak Asia/Jayapura'],
  ['IR', 'Iran', 'SAS', '', 'Asia/Tehran'],
  ['IQ', 'Iraq', 'WAS', '', 'Asia/Baghdad'],
  ['IE', 'Ireland', 'NEU', '', 'Europe/Dublin'],
  ['IM', 'Isle of Man', 'NEU', '', 'Europe/Isle_of_Man'],
  ['IL', 'Israel', 'WAS', '', 'Asia/Jerusalem'],
  ['IT', 'Italy', 'SEU', '', 'Europe/Rome'],
  ['JM', 'Jamaica', 'CAR', 'sids', 'America/Jamaica'],
  ['JP', 'Japan', 'EAS', '', 'Asia/Tokyo'],
  ['JE', 'Jersey', 'CHI', '', 'Europe/Jersey'],
  ['JO', 'Jordan', 'WAS', '', 'Asia/Amman'],
  ['KZ', 'Kazakhstan', 'CAS', 'lldc', 'Asia/Almaty Asia/Qyzylorda Asia/Qostanay Asia/Aqtobe Asia/Aqtau Asia/Atyrau Asia/Oral'],
  ['KE', 'Kenya', 'EAF', '', 'Africa/Nairobi'],
  ['KI', 'Kiribati', 'MIC', 'ldc sids', 'Pacific/Tarawa Pacific/Kiritimati Pacific/Kanton'],
  ['KW', 'Kuwait', 'WAS', '', 'Asia/Kuwait'],
  ['KG', 'Kyrgyzstan', 'CAS', 'lldc', 'Asia/Bishkek'],
  ['LA', 'Laos', 'SEA', 'ldc lldc', 'Asia/Vientiane'],
  ['LV', 'Latvia', 'NEU', '', 'Europe/Riga'],
  ['LB', 'Lebanon', 'WAS', '', 'Asia/Beirut'],
  ['LS', 'Lesotho', 'SAF', 'ldc lldc', 'Africa/Maseru'],
  ['LR', 'Liberia', 'WAF', 'ldc', 'Africa/Monrovia'],
  ['LY', 'Libya', 'NAF', '', 'Africa/Tripoli'],
  ['LI', 'Liechtenstein', 'WEU', '', 'Europe/Vaduz'],
  ['LT', 'Lithuania', 'NEU', '', 'Europe/Vilnius'],
  ['LU', 'Luxembourg', 'WEU', '', 'Europe/Luxembourg'],
  ['MO', 'Macao', 'EAS', '', 'Asia/Macau'],
  ['MG', 'Madagascar', 'EAF', 'ldc', 'Indian/Antananarivo'],
  ['MW', 'Malawi', 'EAF', 'ldc lldc', 'Africa/Blantyre'],
  ['MY', 'Malaysia', 'SEA', '', 'Asia/Kuala_Lumpur Asia/Kuching'],
  ['MV', 'Maldives', 'SAS', 'sids', 'Indian/Maldives'],
  ['ML', 'Mali', 'WAF', 'ldc lldc', 'Africa/Bamako'],
  ['MT', 'Malta', 'SEU', '', 'Europe/Malta'],
  ['MH', 'Marshall Islands', 'MIC', 'sids', 'Pacific/Majuro Pacific/Kwajalein'],
  ['MQ', 'Martinique', 'CAR', 'sids', 'America/Martinique'],
  ['MR', 'Mauritania', 'WAF', 'ldc', 'Africa/Nouakchott'],
  ['MU', 'Mauritius', 'EAF', 'sids', 'Indian/Mauritius'],
  ['YT', 'Mayotte', 'EAF', '', 'Indian/Mayotte'],
  ['MX', 'Mexico', 'CAM', '', 'America/Mexico_City America/Monterrey America/Tijuana America/Merida America/Chihuahua America/Ciudad_Juarez America/Hermosillo America/Cancun America/Mazatlan America/Matamoros America/Bahia_Banderas America/Ojinaga'],
  ['FM', 'Micronesia (Federated States of)', 'MIC', 'sids', 'Pacific/Chuuk Pacific/Pohnpei Pacific/Kosrae'],
  ['MD', 'Moldova', 'EEU', 'lldc', 'Europe/Chisinau'],
  ['MC', 'Monaco', 'WEU', '', 'Europe/Monaco'],
  ['MN', 'Mongolia', 'EAS', 'lldc', 'Asia/Ulaanbaatar Asia/Hovd'],
  ['ME', 'Montenegro', 'SEU', '', 'Europe/Podgorica'],
  ['MS', 'Montserrat', 'CAR', 'sids', 'America/Montserrat'],
  ['MA', 'Morocco', 'NAF', '', 'Africa/Casablanca'],
  ['MZ', 'Mozambique', 'EAF', 'ldc', 'Africa/Maputo'],
  ['MM', 'Myanmar', 'SEA', 'ldc', 'Asia/Yangon'],
  ['NA', 'Namibia', 'SAF', '', 'Africa/Windhoek'],
  ['NR', 'Nauru', 'MIC', 'sids', 'Pacific/Nauru'],
  ['NP', 'Nepal', 'SAS', 'ldc lldc', 'Asia/Kathmandu'],
  ['NL', 'Netherlands', 'WEU', '', 'Europe/Amsterdam'],
  ['NC', 'New Caledonia', 'MEL', 'sids', 'Pacific/Noumea'],
  ['NZ', 'New Zealand', 'ANZ', '', 'Pacific/Auckland Pacific/Chatham'],
  ['NI', 'Nicaragua', 'CAM', '', 'America/Managua'],
  ['NE', 'Niger', 'WAF', 'ldc lldc', 'Africa/Niamey'],
  ['NG', 'Nigeria', 'WAF', '', 'Africa/Lagos'],
  ['NU', 'Niue', 'POL', 'sids', 'Pacific/Niue'],
  ['NF', 'Norfolk Island', 'ANZ', '', 'Pacific/Norfolk'],
  ['KP', 'North Korea', 'EAS', '', 'Asia/Pyongyang'],
  ['MK', 'North Macedonia', 'SEU', 'lldc', 'Europe/Skopje'],
  ['MP', 'Northern Mariana Islands', 'MIC', 'sids', 'Pacific/Saipan'],
  ['NO', 'Norway', 'NEU', '', 'Europe/Oslo'],
  ['OM', 'Oman', 'WAS', '', 'Asia/Muscat'],
  ['PK', 'Pakistan', 'SAS', '', 'Asia/Karachi'],
  ['PW', 'Palau', 'MIC', 'sids', 'Pacific/Palau'],
  ['PS', 'Palestine, State of', 'WAS', '', 'Asia/Hebron Asia/Gaza'],
  ['PA', 'Panama', 'CAM', '', 'America/Panama'],
  ['PG', 'Papua New Guinea', 'MEL', 'sids', 'Pacific/Port_Moresby Pacific/Bougainville'],
  ['PY', 'Paraguay', 'SAM', 'lldc', 'America/Asuncion'],
  ['PE', 'Peru', 'SAM', '', 'America/Lima'],
  ['PH', 'Philippines', 'SEA', '', 'Asia/Manila'],
  ['PN', 'Pitcairn', 'POL', '', 'Pacific/Pitcairn'],
  ['PL', 'Poland', 'EEU', '', 'Europe/Warsaw'],
  ['PT', 'Portugal', 'SEU', '', 'Europe/Lisbon Atlantic/Madeira Atlantic/Azores'],
  ['PR', 'Puerto Rico', 'CAR', 'sids', 'America/Puerto_Rico'],
  ['QA', 'Qatar', 'WAS', '', 'Asia/Qatar'],
  ['RE', 'Réunion', 'EAF', '', 'Indian/Reunion'],
  ['RO', 'Romania', 'EEU', '', 'Europe/Bucharest'],
  ['RU', 'Russia', 'EEU', '', 'Europe/Moscow Asia/Yekaterinburg Asia/Novosibirsk Europe/Samara Asia/Krasnoyarsk Asia/Omsk Europe/Volgograd Asia/Irkutsk Asia/Vladivostok Europe/Saratov Europe/Ulyanovsk Asia/Barnaul Asia/Novokuznetsk Asia/Tomsk Europe/Kaliningrad Europe/Kirov Europe/Astrakhan Asia/Chita Asia/Yakutsk Asia/Sakhalin Asia/Kamchatka Asia/Magadan Asia/Khandyga Asia/Ust-Nera Asia/Srednekolymsk Asia/Anadyr'],
  ['RW', 'Rwanda', 'EAF', 'ldc lldc', 'Africa/Kigali'],
  ['BL', 'Saint Barthélemy', 'CAR', '', 'America/St_Barthelemy'],
  ['SH', 'Saint Helena, Ascension and Tristan da Cunha', 'WAF', '', 'Atlantic/St_Helena'],
  ['KN', 'Saint Kitts and Nevis', 'CAR', 'sids', 'America/St_Kitts'],
  ['LC', 'Saint Lucia', 'CAR', 'sids', 'America/St_Lucia'],
  ['MF', 'Saint Martin (French part)', 'CAR', '', 'America/Marigot'],
  ['PM', 'Saint Pierre and Miquelon', 'NAM', '', 'America/Miquelon'],
  ['VC', 'Saint Vincent and the Grenadines', 'CAR', 'sids', 'America/St_Vincent'],
  ['WS', 'Samoa', 'POL', 'sids', 'Pacific/Apia'],
  ['SM', 'San Marino', 'SEU', '', 'Europe/San_Marino'],
  ['ST', 'São Tomé and Príncipe', 'MAF', 'sids', 'Africa/Sao_Tome'],
  ['SA', 'Saudi Arabia', 'WAS', '', 'Asia/Riyadh'],
  ['SN', 'Senegal', 'WAF', 'ldc', 'Africa/Dakar'],
  ['RS', 'Serbia', 'SEU', '', 'Europe/Belgrade'],
  ['SC', 'Seychelles', 'EAF', 'sids', 'Indian/Mahe'],
  ['SL', 'Sierra Leone', 'WAF', 'ldc', 'Africa/Freetown'],
  ['SG', 'Singapore', 'SEA', 'sids', 'Asia/Singapore'],
  ['SX', 'Sint Maarten (Dutch part)', 'CAR', 'sids', 'America/Lower_Princes'],
  ['SK', 'Slovakia', 'EEU', '', 'Europe/Bratislava'],
  ['SI', 'Slovenia', 'SEU', '', 'Europe/Ljubljana'],
  ['SB', 'Solomon Islands', 'MEL', 'ldc sids', 'Pacific/Guadalcanal'],
  ['SO', 'Somalia', 'EAF', 'ldc', 'Africa/Mogadishu'],
  ['ZA', 'South Africa', 'SAF', '', 'Africa/Johannesburg'],
  ['GS', 'South Georgia and the South Sandwich Islands', 'SAM', '', 'Atlantic/South_Georgia'],
  ['KR', 'South Korea', 'EAS', '', 'Asia/Seoul'],
  ['SS', 'South Sudan', 'EAF', 'ldc lldc', 'Africa/Juba'],
  ['ES', 'Spain', 'SEU', '', 'Europe/Madrid Atlantic/Canary Africa/Ceuta'],
  ['LK', 'Sri Lanka', 'SAS', '', 'Asia/Colombo'],
  ['SD', 'Sudan', 'NAF', 'ldc', 'Africa/Khartoum'],
  ['SR', 'Suriname', 'SAM', 'sids', 'America/Paramaribo'],
  ['SJ', 'Svalbard and Jan Mayen', 'NEU', '', 'Arctic/Longyearbyen'],
  ['SE', 'Sweden', 'NEU', '', 'Europe/Stockholm'],
  ['CH', 'Switzerland', 'WEU', '', 'Europe/Zurich'],
  ['SY', 'Syria', 'WAS', '', 'Asia/Damascus'],
  ['TW', 'Taiwan', 'EAS', '', 'Asia/Taipei'],
  ['TJ', 'Tajikistan', 'CAS', 'lldc', 'Asia/Dushanbe'],
  ['TZ', 'Tanzania', 'EAF', 'ldc', 'Africa/Dar_es_Salaam'],
  ['TH', 'Thailand', 'SEA', '', 'Asia/Bangkok'],
  ['TL', 'Timor-Leste', 'SEA', 'ldc sids', 'Asia/Dili'],
  ['TG', 'Togo', 'WAF', 'ldc', 'Africa/Lome'],
  ['TK', 'Tokelau', 'POL', '', 'Pacific/Fakaofo'],
  ['TO', 'Tonga', 'POL', 'sids', 'Pacific/Tongatapu'],
  ['TT', 'Trinidad and Tobago', 'CAR', 'sids', 'America/Port_of_Spain'],
  ['TN', 'Tunisia', 'NAF', '', 'Africa/Tunis'],
  ['TR', 'Türkiye', 'WAS', '', 'Europe/Istanbul'],
  ['TM', 'Turkmenistan', 'CAS', 'lldc', 'Asia/Ashgabat'],
  ['TC', 'Turks and Caicos Islands', 'CAR', 'sids', 'America/Grand_Turk'],
  ['TV', 'Tuvalu', 'POL', 'ldc sids', 'Pacific/Funafuti'],
  ['UG', 'Uganda', 'EAF', 'ldc lldc', 'Africa/Kampala'],
  ['UA', 'Ukraine', 'EEU', '', 'Europe/Kyiv Europe/Simferopol'],
  ['AE', 'United Arab Emirates', 'WAS', '', 'Asia/Dubai'],
  ['GB', 'United Kingdom', 'NEU', '', 'Europe/London'],
  ['US', 'United States', 'NAM', '', 'America/New_York America/Chicago America/Los_Angeles America/Denver America/Phoenix America/Detroit America/Indiana/Indianapolis America/Kentucky/Louisville America/Boise America/Anchorage Pacific/Honolulu America/Kentucky/Monticello America/Indiana/Vincennes America/Indiana/Winamac America/Indiana/Marengo America/Indiana/Petersburg America/Indiana/Vevay America/Indiana/Tell_City America/Indiana/Knox America/Menominee America/North_Dakota/Center America/North_Dakota/New_Salem America/North_Dakota/Beulah America/Juneau America/Sitka America/Metlakatla America/Yakutat America/Nome America/Adak'],
  ['UM', 'United States Minor Outlying Islands', 'MIC', '', 'Pacific/Midway Pacific/Wake'],
  ['VI', 'United States Virgin Islands', 'CAR', 'sids', 'America/St_Thomas'],
  ['UY', 'Uruguay', 'SAM', '', 'America/Montevideo'],
  ['UZ', 'Uzbekistan', 'CAS', 'lldc', 'Asia/Tashkent Asia/Samarkand'],
  ['VU', 'Vanuatu', 'MEL', 'sids', 'Pacific/Efate'],
  ['VE', 'Venezuela', 'SAM', '', 'America/Caracas'],
  ['VN', 'Vietnam', 'SEA', '', 'Asia/Ho_Chi_Minh'],
  ['WF', 'Wallis and Futuna', 'POL', '', 'Pacific/Wallis'],
  ['EH', 'Western Sahara', 'NAF', '', 'Africa/El_Aaiun'],
  ['YE', 'Yemen', 'WAS', 'ldc', 'Asia/Aden'],
  ['ZM', 'Zambia', 'EAF', 'ldc lldc', 'Africa/Lusaka'],
  ['ZW', 'Zimbabwe', 'EAF', 'lldc', 'Africa/Harare'],
];

function isDeveloped(code: string, area: AreaKey): boolean {
  const [region, subRegion] = AREAS[area];
  return (
    region === 'europe' ||
    region === 'northern_america' ||
    subRegion === 'Australia and New Zealand' ||
    code === 'JP'
  );
}

function toCountry([code, name, area, flags, zones]: Row): Country {
  const [region, subRegion, intermediateRegion] = AREAS[area];
  const flagSet = new Set(flags.split(' '));
  return Object.freeze({
    code,
    name,
    region,
    subRegion,
    intermediateRegion,
    ldc: flagSet.has('ldc'),
    lldc: flagSet.has('lldc'),
    sids: flagSet.has('sids'),
    developed: isDeveloped(code, area),
    timeZones: Object.freeze(zones === '' ? [] : zones.split(' ')),
  });
}

/** Every ISO 3166-1 country or area, sorted by English name. */
export const COUNTRIES: readonly Country[] = Object.freeze(ROWS.map(toCountry));

const BY_CODE: ReadonlyMap<string, Country> = new Map(COUNTRIES.map((c) => [c.code, c]));

/** Looks a country up by its alpha-2 code, in any case ('br', 'BR'); surrounding spaces ignored. */
export function countryByCode(code: string): Country | undefined {
  return BY_CODE.get(code.trim().toUpperCase());
}

export function regionOf(code: string): Region | undefined {
  return countryByCode(code)?.region;
}

/** One category per country for statistics: ldc > lldc > sids > developed | developing. */
export function developmentStatusOf(code: string): DevelopmentStatus | undefined {
  const country = countryByCode(code);
  if (!country) return undefined;
  if (country.ldc) return 'ldc';
  if (country.lldc) return 'lldc';
  if (country.sids) return 'sids';
  return country.developed ? 'developed' : 'developing';
}

/** The country's most populous time zone, to prefill a participant's zone. */
export function suggestedTimeZone(code: string): string | undefined {
  return countryByCode(code)?.timeZones[0];
}
