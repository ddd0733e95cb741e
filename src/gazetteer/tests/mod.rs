//! Table-driven tests of lookup (`lookup`) and mention finding (`mentions`) over places copied from
//! the real data (GeoNames rows with all their noisy aliases, airfields, curated rows): the fixture.

mod lookup;
mod mentions;

use super::*;
use crate::model::{Place, PlaceKind, PlaceOrigin};

fn place(id: &str, name: &str, kind: PlaceKind, origin: PlaceOrigin, aliases: &str) -> Place {
    Place {
        id: id.to_string(),
        name: name.to_string(),
        aliases: aliases.split('|').filter(|a| !a.is_empty()).map(str::to_string).collect(),
        lat: 0.0,
        lon: 0.0,
        kind,
        coord_source: String::new(),
        coord_precision_km: 1.0,
        population: 0,
        origin,
    }
}

pub fn geonames(id: &str, name: &str, kind: PlaceKind, aliases: &str) -> Place {
    place(id, name, kind, PlaceOrigin::GeoNames, aliases)
}

fn airfield(id: &str, name: &str, aliases: &str) -> Place {
    place(id, name, PlaceKind::Airbase, PlaceOrigin::Airfield, aliases)
}

fn curated(id: &str, name: &str, kind: PlaceKind, aliases: &str) -> Place {
    place(id, name, kind, PlaceOrigin::Curated, aliases)
}

/// GeoNames rows exactly as in data/gazetteer (ascii_name first, then alternate_names).
pub fn places() -> Vec<Place> {
    vec![
        geonames(
            "tripoli",
            "Tripoli",
            PlaceKind::City,
            "Aea|Ea|Oea|TIP|Tarables|Tarabulus|Tarabulus al Gharb|Tarabulus el Gharb|\
            Taràbles|Trables|Trablus|Trablûs|Triboli|Tripili|Tripilí|Tripol|Tripole|Tripoli|\
            Tripolis|Tripolo|Tripoly|Tripołi|Tripul|Tripuli|Trypali|Trypolis|Trìpoli|\
            Trìpuli|Trípol|Trípoli|Trípólí|de li bo li|tarabalasa|tarabulasa|tarabulus|\
            teulipolli|tirippoli|toripori|trabls|trabls  lybya|tripoli|trippeali|trypwly|\
            Ţarābulus|Ţarābulus al Gharb|Τρίπολη|Триполи|Триполі|Трыпалі|Տրիպոլի|טריפאלי|\
            טריפולי|ترابلس|ترىپولى|تەرابلوس|طرابلس|طرابلس، لیبیا|طَرَابُلُس|ताराबूलस|\
            त्रिपोली|ত্রিপোলি|ਤਰਾਬਲਸ|திரிப்பொலி|ട്രിപ്പോളി|ตริโปลี|ཐི་རི་ཕོ་ལི|ტრიპოლი|ትሪፖሊ|\
            Ṭrables|ⵟⵔⴰⴱⵍⵙ|トリポリ|的黎波里|트리폴리",
        ),
        geonames(
            "benghazi",
            "Benghazi",
            PlaceKind::City,
            "BEN|Baengasi|Banghazi|Banghāzī|Bengasi|Bengaze|Bengazi|Bengazis|Bengazy|\
            Benghasi|Benghazi|Benghází|Bengázi|Bengāzī|Benqazi|Berenice|Bingazi|Binghazi|\
            Binghāzī|Bängasi|Bèngasi|Hesperides|Vilojati Bengazi|ban jia xi|banagazi|\
            ben ka si|benagajhi|beng-gaji|bengaji|benghazi|bnghazy|pankaci|Βεγγάζη|Бенгази|\
            Бенгазі|Вилояти Бенғази|Բենղազի|בנגאזי|بنغازى|بنغازي|بنغازی|बेनगाझी|ਬਨਗ਼ਾਜ਼ੀ|\
            பங்காசி|เบนกาซี|ბენღაზი|ⴱⵏⵖⴰⵣⵉ|ベンガジ|班加西|벵가지",
        ),
        geonames(
            "misratah",
            "Misratah",
            PlaceKind::City,
            "Al Misratah|MRA|Madinat Misratah|Madīnat Mişrātah|Misrata|Misrataa|Misratah|\
            Misurata|Mişrātah|misarata|misarataha|misiratahi|misurata|msrath|msratt|msratہ|\
            myswrth|Мисрата|Мисурата|מיסורטה|مصراتة|مصراته|مصراتہ|मिसराता|মিসরাতাহ|ਮਿਸਰਾਤਾ|\
            ሚስራታህ|ミスラタ",
        ),
        geonames(
            "az-zawiyah",
            "Az Zāwīyah",
            PlaceKind::City,
            "Az Zawiyah|Az Zawiya|Az Zawiyah|Az Zawiyah al Gherbiyah|Az Zāwiyah al Gherbīyah|\
            Az Zāwīyah|Ehz-Zavija|Ez Zauia|Ez Zaviye|Zauia|Zavia|Zawia|Zawiyah|\
            aja ja'u'iyaha|alzawyh|alzawyt|alzawyہ|aza zavi'a|aza zaviyaha|azu・zauiya|\
            Əz-Zavija|ʿaዝ zawiyahi|Эз-Завия|Әз-Завия|الزاوية|الزاویه|الزاویہ|अज़ ज़वियाह|\
            আজ জাউইয়াহ|ਅਜ਼ ਜ਼ਾਵਿਆ|ኣዝ ዛዊያህ|ⵍⵣⴰⵡⵉⵢⴰ|アズ・ザウィヤ",
        ),
        geonames(
            "zawiya",
            "Zawiya",
            PlaceKind::City,
            "Al Harah|Al Ḩārah|El-Hara|El-Hára|Haraf Az Zawiyah|Haraf Az Zāwīyah|\
            Harat az Zawiyah|Zawiya|alzawyt|الزاوية|Ḩārat az Zāwiyah",
        ),
        geonames(
            "sabha",
            "Sabha",
            PlaceKind::City,
            "El-Gedid|El-Gedíd|Fort Leclerc|SEB|Sabha|Sabhaa|Sabhah|Sabhā|Sabkha|Saebha|\
            Saebhiaen|Sebha|Sebhah|Säbha|Säbhiän|sabaha|sabha|sabiha|sabuha|sai bo ha|sbha|\
            sbht|sbھa|Сабха|سبها|سبهة|سبھا|سَبها|شعبية سبها|साभा|সাবহা|ਸਾਭਾ|ሳብሃ|ⵙⴱⵀⴰ|サブハ|\
            塞卜哈",
        ),
        geonames(
            "ajdabiya",
            "Ajdabiya",
            PlaceKind::City,
            "AEcdabiya|Adjadabia|Adjdabia|Adjdabía|Adschdabiya|Adzdabija|Adzedabija|\
            Adzhdabija|Adzsdabija|Adzsdábija|Adżdabija|Adždabija|Adžedábíja|Agcabədiya|\
            Agdabija|Agedabia|Ajdabiya|Ajdabiyaa|Ajdabiyah|Ajdābiyah|Ajdābiyā|Azhdabija|\
            Aĝdabija|Ağcabədiya|Corniclanum|Ecdebiye|Laecdabiaen|Läcdabiän|QGG|\
            ai ji da bi ye|ajadabi'a|ajadabiya|ajdabia|ajdabya|ajidabiya|ajudabiya|Äcdabiya|\
            ʿajidabiya|Адждабия|Адждабія|Аждабия|Аџдабија|אגדאביא|أجدابيا|إجدابيا|اجدابيا|\
            اجدابیا|شعبية إجدابيا|अजदबिया|আজদাবিয়া|ਅਜਦਾਬੀਆ|აჯდაბია|ኣጅዳቢያ|ⴰⵊⴷⴰⴱⵉⵢⴰ|アジュダービヤー|\
            艾季达比耶|아지다비야",
        ),
        geonames(
            "sirte",
            "Sirte",
            PlaceKind::City,
            "Gasr Zaafran|Gasr Zaafrán|Macomades-Euphranta|Qasr Sirt|Qasr Za`faran|Qaşr Sirt|\
            Qaşr Za‘farān|SRX|Sert|Siirtee|Sirt|Sirta|Sirte|Sirto|Surt|Surtaen|Surtas|\
            Surtiaen|Surtiän|Surtän|Syrta|Syrte|Syrti|Szurt|Vilojati Surt|sileute|sirate|\
            sirite|sirta|srt|su er te|su te|surti|suruto|syrt|Σύρτη|Вилояти Сурт|Сирт|Сурт|\
            Сірт|סירת|سرت|شعبية سرت|सिर्त|সিরটে|ਸਿਰਟੇ|სურთი|ስርተ|ⵙⵔⵜ|スルト|苏尔特|蘇爾特|蘇特|시르테",
        ),
        geonames(
            "darnah",
            "Darnah",
            PlaceKind::City,
            "DNF|Daernae|Darna|Darnaa|Darnah|Darnis|Derna|Derne|Därnä|Dérna|darana|daranaha|\
            darinahi|darnaha|daruna|drnh|drnt|drnہ|Дарна|דרנה|درنة|درنه|درنہ|दर्नाह|ডারনাহ|\
            ਦਰਨਾ|ዳርናህ|ⴷⵔⵏⴰ|ダルナ",
        ),
        geonames("tajura", "Tājūrā’", PlaceKind::City, "Tajura'|Tagiura|Tajura'|Tajurah|Tājūrāh|Tājūrā’"),
        geonames(
            "tarhuna",
            "Tarhuna",
            PlaceKind::Town,
            "El-Buerat|El-Buerát|El-Ubberat|El-Ubberát|Gasr Tarhuna|Qasr Tarhunah|\
            Qaşr Tarhūnah|Tarhuna|Tarhunah|Tarhūnah|Tarkhuny|Тархуны",
        ),
        geonames(
            "bani-walid",
            "Bani Walid",
            PlaceKind::Town,
            "Baeni Vaelid|Bani Ualid|Bani Valid|Bani Validas|Bani Valíd|Bani Walid|\
            Baní Walíd|Banī Walīd|Beni Ulid|Beni Valid|Beni-Valid|Beniulid|Bäni Välid|\
            Gasr Beni Ulid|Gasr Béni Ulíd|QBL|Qasr Bani Walid|Qaşr Banī Walīd|\
            bai ni wo li de|bani-validi|baniwallideu|baniwarido|bny wlyd|bny‌wlyd|\
            qsr bny wlyd|qsr lybya|Бани Валид|Бани Уалид|Бени-Валид|Бені-Валід|بني وليد|\
            بنی ولید|بنی‌ولید|قصر بني وليد|قصر ليبيا|ბანი-ვალიდი|ⵇⵚⵔ ⵍⵉⴱⵢⴰ|バニワリード|拜尼沃利德|\
            바니왈리드",
        ),
        geonames(
            "gharyan",
            "Gharyan",
            PlaceKind::Town,
            "Gaariyaan|Garian|Gariao|Garián|Garião|Garjan|Garyan|Gasr Garian|Gasr Gariàn|\
            Gharyan|Gharyān|QGH|Qaryan|gariyan|gariyana|gariyani|ghari'ana|ghariyana|ghryan|\
            Гарян|غريان|غریان|घारियान|গারিয়ান|ਘਾਰਿਆਨ|ጋርያን|ⵖⵔⵢⴰⵏ|ガリヤン",
        ),
        geonames(
            "zuwarah",
            "Zuwarah",
            PlaceKind::Town,
            "WAX|Zouara|Zuara|Zuava|Zuvara|Zuwara|Zuwaraa|Zuwarah|Zuwārah|Zuára|Zuáva|\
            ju'oyaraha|juwala|zu wa la|zuart|zuvara|zuwara|zuwarahi|zwarh|zwart|zwarہ|Зуара|\
            Зувара|زوارة|زواره|زوارہ|زُوارة|ज़ुवारा|জুওয়ারাহ|ਜ਼ੁਵਾਰਾ|ዙዋራህ|\
            ⵜⴰⵎⵓⵔⵜ ⵏ ⵡⴰⵜ ⵡⵉⵍⵍⵓⵍ|ズワラ|祖瓦拉|주와라",
        ),
        geonames(
            "zintan",
            "Zintan",
            PlaceKind::Town,
            "As-Sintan|Az Zintan|Az Zintān|Ehz-Zintan|Ez-Zintan|Ez-Zintán|ZIS|Zentan|Zintan|\
            alzntan|alzntan  lyby|alzntan‎|Эз-Зинтан|الزنتان|الزنتان، لیبی|الزنتان‎|ⵜⴰⵖⵔⵎⵉⵏ",
        ),
        geonames(
            "al-burayqah",
            "Al Burayqah",
            PlaceKind::Town,
            "Al Burayqah|El-Brega|LMQ|Marsa Brega|Marsa Bregha|Marsa al Burayqah|\
            Marsa el Brega|Marsá al Burayqah|Port Brega|Qasr al Buraygah|Qasr al Burayqah|\
            Qaşr al Burayqah|albryqt|mrsy albryqt|qsr albryqt|البريقة|قصر البريقة|\
            مرسى البريقة|ⵎⵔⵙⴰ ⵍⴱⵔⵉⵇⴰ",
        ),
        geonames(
            "hun",
            "Hūn",
            PlaceKind::Town,
            "Hun|HUQ|Hon|Hun|Huun|Hūn|Khun|Madinat Hun|Madīnat Hūn|fun|huna|hwn|mdynt hwn|\
            Хун|مدينة هون|هون|ہwn|ہون|हून|হুন|ਹੁਨ|ሁni|ሁን|ⵀⵡⵏ|フン",
        ),
        geonames(
            "al-asabiah",
            "Al Aşābi‘ah",
            PlaceKind::Town,
            "Al Asabi`ah|Al Asabi`ah|Al Aşābi‘ah|Asabaa|Asábaa|El-Asabaa|El-Asábaa",
        ),
        geonames("jalu", "Jālū", PlaceKind::Town, "Jalu|Gialo|Jalu|Jālū"),
        geonames("jadu", "Jādū", PlaceKind::Town, "Jadu|Giado|Jadu|Jādū|jadw|جادو|ⵊⴰⴷⵓ"),
        geonames(
            "suknah",
            "Sūknah",
            PlaceKind::Town,
            "Suknah|Miani|Sawkanah|Sawknah|Socna|Soknah|Suknah|Sūknah|swknt|سوكنة|ⵙⵡⴽⵏⴰ",
        ),
        geonames("waddan", "Waddān", PlaceKind::Town, "Waddan|Uaddan|Waddan|Waddān|wdan|ودان"),
        geonames(
            "al-khums",
            "Al Khums",
            PlaceKind::City,
            "Al Hums|Al Jums|Al Khums|Al Ĥums|Al'-Khums|Al-Chums|Al-Khums|Ehl'-Khums|\
            El Choms|El Hums|El Xums|Homs|Humsas|Khoms|Khums|Kums|Labdah|Lebda|\
            Qabilat al Khums|ala khumasa|ala khumsa|alkhms|alkhms  lyby|alkhums|almrqb|\
            el-khumsi|fumusu|hu mu si|humseu|khms  lybya|Əl-Khums|ʿaል kuምsi|Аль-Хумс|Хомс|\
            Хумс|Эль-Хумс|Әл-Хумс|אל-חומס|الخمس|الخمس، لیبی|الخُمس|المرقب|خمس، لیبیا|\
            अल खुम्स|আল খুমস|ਅਲ ਖੁਮਸ|ელ-ხუმსი|ኣል ኩምስ|ⵍⵎⵔⵇⴱ|フムス|胡姆斯|훔스",
        ),
        geonames(
            "brak",
            "Brak",
            PlaceKind::Town,
            "BCQ|Birak|Birāk|Brach|Brak|Braka|Brakas|baraka|barka|bi la ke|bilakeu|bra kh|\
            brak|brak alshaty|brak  lybya|braka|braki|brek|breka|brq|buraku|prak|Μπράκ|\
            Бирак|Бірак|ברק|براك|براك الشاطئ|براک|براک، لیبیا|बराक|ब्रॅक|বার্ক|બ્રાક|ப்ராக்|\
            బ్రాక్|ಬ್ರೇಕ್|බ්‍රාක්|บราค|ბრაქი|ⴱⵔⴰⴽ ⵍⵛⴰⵟⵉ|ブラーク|比拉克|비라크",
        ),
        airfield("al-jufra-airport", "Al Jufra Airport", "HL69"),
        airfield("hon-airport", "Hon Airport", "HUQ|HLON"),
        airfield("sabha-airport", "Sabha Airport", "SEB|HLLS|Sabha"),
        airfield("kufra-airport", "Kufra Airport", "AKF|HLKF|Kufra"),
        airfield("misrata-airport", "Misrata International Airport", "MRA|HLMS|Misrata"),
        airfield("mitiga-airport", "Mitiga Airport", "MJI|HLLM|Tripoli"),
        airfield("tripoli-airport", "Tripoli International Airport", "TIP|HLLT|Tripoli"),
        airfield("taminhint-airport", "Taminhint Airport", "HLTA"),
        curated("jufra", "Al Jufra", PlaceKind::Region, "Al Jufrah"),
        curated("sebha-region", "Sebha region", PlaceKind::Region, "Sabha region|Sebha district"),
        curated("bokmash", "Abu Kammash", PlaceKind::Town, "Bokmash|Boukamech"),
        curated("ras-ajdir", "Ras Ajdir border crossing", PlaceKind::BorderCrossing, "Ras Ajdir|Ras Jdir"),
        curated("es-sider", "Es Sider oil terminal", PlaceKind::OilTerminal, "al-Sidra|Sidra|Es Sider"),
        curated(
            "hilal",
            "al-Hilal oil crescent",
            PlaceKind::Region,
            "al-Hilal|Oil Crescent|oil crescent region",
        ),
    ]
}

struct Fixture {
    pub places: Vec<Place>,
    pub gazetteer: Gazetteer,
}

impl Fixture {
    pub fn new() -> Fixture {
        let places = places();
        let gazetteer = Gazetteer::new(&places);
        Fixture { places, gazetteer }
    }

    pub fn id(&self, ix: u32) -> &str {
        &self.places[ix as usize].id
    }

    /// What a lookup says, in the table's words.
    pub fn outcome(&self, query: &str, prefer: Option<PlaceKind>) -> String {
        let l = self.gazetteer.lookup(query, prefer);
        match l.best() {
            None => "not found".to_string(),
            Some(_) if l.ambiguous => {
                let mut ids: Vec<&str> = l.matches.iter().take(2).map(|m| self.id(m.place)).collect();
                ids.sort();
                format!("ambiguous {}", ids.join(" "))
            }
            Some(m) => self.id(m.place).to_string(),
        }
    }
}
