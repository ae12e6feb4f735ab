/**
 * A family name, given names, a free-text note (an ulcer's site, as a nurse might type it) and a
 * clinic name in each script the reports must print, with the font family expected to carry it.
 * The notes are short enough not to wrap in the findings table, so that each sentence holding one
 * is on one line. Test support only.
 */
export interface ScriptSample {
  script: string;
  family: string;
  given: string;
  note: string;
  clinic: string;
  /** Part of the embedded font's name (pdffonts) that prints it. */
  font: string;
}

export const scriptSamples: readonly ScriptSample[] = [
  { script: 'Arabic', family: 'الحسيني', given: 'محمد عبد الله', note: 'قرحة صغيرة', clinic: 'عيادة السكري', font: 'NotoNaskhArabic' },
  { script: 'Persian', family: 'رضایی‌نژاد', given: 'فاطمه زهرا', note: 'زخم کوچک', clinic: 'درمانگاه دیابت', font: 'NotoNaskhArabic' },
  { script: 'Urdu', family: 'صدیقی', given: 'عائشہ بیگم', note: 'چھوٹا زخم', clinic: 'ذیابیطس کلینک', font: 'NotoNaskhArabic' },
  { script: 'Hebrew', family: 'כהן', given: 'דוד יוסף', note: 'פצע קטן', clinic: 'מרפאת סוכרת', font: 'NotoSansHebrew' },
  { script: 'Devanagari', family: 'शर्मा', given: 'किरण देवी', note: 'छोटा घाव', clinic: 'मधुमेह क्लिनिक', font: 'NotoSansDevanagari' },
  { script: 'Bengali', family: 'ঠাকুর', given: 'রবীন্দ্রনাথ দেব', note: 'ছোট ক্ষত', clinic: 'ডায়াবেটিস ক্লিনিক', font: 'NotoSansBengali' },
  { script: 'Gurmukhi', family: 'ਸਿੰਘ', given: 'ਗੁਰਪ੍ਰੀਤ ਕੌਰ', note: 'ਛੋਟਾ ਜ਼ਖ਼ਮ', clinic: 'ਸ਼ੂਗਰ ਕਲੀਨਿਕ', font: 'NotoSansGurmukhi' },
  { script: 'Chinese', family: '王', given: '小明', note: '小溃疡', clinic: '糖尿病足诊所', font: 'NotoSansCJKsc' },
  { script: 'Japanese', family: '山田', given: 'はなこ', note: '小さな潰瘍', clinic: '糖尿病クリニック', font: 'NotoSansCJKjp' },
  { script: 'Korean', family: '김', given: '민준', note: '작은 궤양', clinic: '당뇨병 클리닉', font: 'NotoSansCJKkr' },
  { script: 'Greek', family: 'Παπαδόπουλος', given: 'Γιώργος', note: 'μικρό έλκος', clinic: 'Διαβητολογικό Ιατρείο', font: 'NotoSans' },
  { script: 'Cyrillic', family: 'Иванова', given: 'Юлия', note: 'небольшая язва', clinic: 'Диабетическая клиника', font: 'NotoSans' },
  { script: 'Vietnamese', family: 'Nguyễn', given: 'Thị Minh Khai', note: 'vết loét nhỏ', clinic: 'Phòng khám Tiểu đường', font: 'NotoSans' },
];
