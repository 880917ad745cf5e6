/**
 * Name pools for generated users: plain Latin, accented Latin, and non-Latin scripts
 * (Japanese, Chinese, Korean, Arabic, Hebrew, Greek, Cyrillic, Vietnamese), so the UI meets wide and
 * right-to-left characters.
 */

export const FIRST_NAMES: readonly string[] = [
  'Alice', 'Bob', 'Charlie', 'David', 'Emma', 'Frank', 'Grace', 'Henry', 'Isabel', 'Jack', 'Karen', 'Liam',
  'Maria', 'Noah', 'Olivia', 'Paul', 'Quinn', 'Rachel', 'Samuel', 'Tina', 'Victor', 'Wendy', 'Xavier', 'Yann',
  'Zachary', 'Nathalie', 'Martin', 'Julie', 'Louis', 'Sophie', 'Marc', 'Camille', 'Pierre', 'Laura',
  'Émilie', 'François', 'Zoë', 'Jérôme', 'Hélène', 'Agnès', 'Björn', 'Søren', 'Łukasz', 'Renée', 'Chloé',
  'Anaïs', 'Mathéo', 'Noël', 'Inès', 'Gaëlle', 'José', 'Ángel', 'Jürgen', 'Çağla', 'Ștefan', 'Dóra',
  '太郎', '花子', 'さくら', '翔太', '伟', '秀英', '민준', 'محمد', 'فاطمة', 'יוסף', 'Γιώργος', 'Ελένη', 'Иван',
  'Наталья', 'Дмитрий', 'Tuấn',
];

export const LAST_NAMES: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Taylor', 'Anderson',
  'Thomas', 'Moore', 'Martin', 'Lee', 'Walker', 'Hall', 'Young', 'King', 'Wright', 'Scott', 'Tremblay',
  'Gagnon', 'Roy', 'Bouchard', 'Gauthier', 'Morin', 'Lavoie', 'Fortin', 'Dubois', 'Lambert', "O'Brien",
  'van der Berg', 'de la Cruz', 'Côté', 'Bélanger', 'Lefèvre', 'Müller', 'Schröder', 'García', 'Núñez',
  'Ødegaard', 'Kowalski', 'Dvořák', 'Gonçalves', 'Þórsson', 'Åberg', 'Yılmaz', 'Nguyễn', '山田', '佐藤',
  '鈴木', '王', '김', 'عبد الله', 'כהן', 'Παπαδόπουλος', 'Петров', 'Иванова', 'Смирнов',
];

/** Values long enough to overflow any column. */
export const LONG_FIRST_NAMES: readonly string[] = [
  'Maximiliano-Alessandro-Giovanni-Battista-Leopoldo-Ferdinando-Carlo-Emanuele-Vittorio-Amedeo',
  'Wolfeschlegelsteinhausenbergerdorff-Hubert-Blaine-Wolfe-Schlegel-Stein-Hausen-Berger-Dorff',
];
export const LONG_LAST_NAMES: readonly string[] = [
  'Papadopoulos-Konstantinopoulos-Hadjigeorgiou-Athanasopoulos-Christodoulopoulos',
  'Venkatanarasimharajuvaripeta-Srinivasaraghavan-Chakravarthy-Ramanujan',
];

export const DESCRIPTIONS: readonly string[] = [
  'Front desk', 'Support team', 'Sales — EMEA', 'Night shift', 'Warehouse', 'Comptabilité',
  'Réception, 2ᵉ étage', 'Entwicklung', '営業部', 'الدعم الفني', 'Отдел продаж', 'On leave until further notice',
  'Has a very long description that keeps going and going, well past the width of any reasonable terminal ' +
    'column, so that truncation, wrapping and horizontal scrolling all get exercised in the detail view.',
];

export const TIMEZONES: readonly string[] = [
  'America/Montreal', 'America/New_York', 'Europe/Paris', 'Europe/Berlin', 'Asia/Tokyo', 'Africa/Cairo',
];

/** The languages confd accepts (confd.yml BaseUser.language). */
export const LANGUAGES: readonly string[] = ['de_DE', 'en_US', 'es_ES', 'fr_FR', 'fr_CA', 'it_IT', 'nl_NL'];

/**
 * Labels for groups, queues, conferences, trunks and the like, some of them hostile to a terminal on
 * purpose: emoji ZWJ sequences, flags, skin tones, keycaps, combining marks, right-to-left scripts,
 * wide CJK and Hangul (jamo too), zero-width characters and one value far too long for any column.
 */
export const EXOTIC_LABELS: readonly string[] = [
  'Ventes — Québec', 'Équipe d’accueil', '営業チーム', '客户服务部', '고객 지원', 'الدعم الفني', 'שירות לקוחות',
  'Служба поддержки', 'Ομάδα πωλήσεων', 'Family 👨‍👩‍👧‍👦 line', '😀🎉 Party 🇫🇷👍🏽', 'Keycap 1️⃣ #️⃣ desk',
  'Z̷a̴l̵g̶o̸ ṱ̶̢e̵x̸t̷', 'Ha\u0301n\u0303gul ᄀᄀ 한글', 'zero\u200Bwidth\u200Djoin', 'RTL \u202Eevil\u202C mixed',
  'Nuit 🌙 / Night', 'Sí ✓ Señal', 'ＦＵＬＬＷＩＤＴＨ ｄｅｓｋ',
  'A label that keeps going far past the width of any column in any terminal, with accents (é, ü, ñ), ' +
    'CJK (漢字), an emoji (🧑‍💻) and no end in sight, so that truncation always has something to do here.',
];

/** Plain labels most records use, so the exotic ones stand out. */
export const PLAIN_LABELS: readonly string[] = [
  'Sales', 'Support', 'Accounting', 'Reception', 'Night shift', 'Warehouse', 'Management', 'Helpdesk', 'Billing',
  'Marketing', 'Engineering', 'Dispatch', 'Front desk', 'Operations', 'Logistics',
];
