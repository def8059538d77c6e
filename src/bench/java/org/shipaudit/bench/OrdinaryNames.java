package org.shipaudit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Names of ordinary people and companies, generated from common given names, family names and company words written
 * here from general knowledge of common names (none taken from any restricted-party list): the negatives of
 * {@code bench screening}. A few may still match a listed name by chance, as real customers do; that is the
 * false-positive rate being measured.
 *
 * <p>Why six origins, drawn alike: the lists are mostly Arabic, Persian, Russian and South Asian names and Russian,
 * Iranian and Gulf companies, so an exporter's ordinary customers of those origins are where real screening false
 * positives concentrate; negatives of Western, East Asian and West African names alone (the first origin) would hide
 * them. A person's name is drawn from one origin's given and family names, a company's from its company words.
 */
final class OrdinaryNames {
    /** Where a generated name's words come from, so the benchmark can report false positives per origin. */
    enum Origin { WESTERN_EAST_ASIAN_AFRICAN, ARABIC, PERSIAN, RUSSIAN_UKRAINIAN, TURKISH, SOUTH_ASIAN }

    /** One ordinary name, the origin of its words, and whether it names a company (or a person). */
    record Ordinary(String name, Origin origin, boolean company) {
    }

    static final String[] GIVEN = {"James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda",
        "William", "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
        "Charles", "Karen", "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Betty", "Mark", "Margaret", "Emma",
        "Olivia", "Noah", "Liam", "Sophie", "Lukas", "Hannah", "Leon", "Mia", "Felix", "Lea", "Jonas", "Camille",
        "Hugo", "Chloe", "Louis", "Manon", "Lucia", "Mateo", "Sofia", "Diego", "Valentina", "Giulia", "Marco",
        "Francesca", "Luca", "Anna", "Jan", "Eva", "Piotr", "Katarzyna", "Lars", "Ingrid", "Sven", "Astrid", "Yuki",
        "Haruto", "Sakura", "Wei", "Li", "Mei", "Hiroshi", "Priya", "Rahul", "Ananya", "Arjun", "Chidi", "Amara",
        "Kwame", "Zanele", "Tomas", "Isabel", "Pedro", "Beatriz", "Aoife", "Connor", "Siobhan", "Niamh", "Oliver",
        "Grace", "Henry", "Chloe", "Ethan", "Ava", "Lucas", "Amelia", "Jack", "Isla", "Harry", "Freya"};
    static final String[] FAMILY = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson",
        "Anderson", "Taylor", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell",
        "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Parker", "Collins", "Edwards", "Stewart",
        "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Cooper", "Peterson", "Bailey", "Reed", "Kelly", "Howard",
        "Mueller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Koch",
        "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Rossi", "Russo", "Ferrari", "Esposito",
        "Bianchi", "Romano", "Colombo", "Nowak", "Kowalski", "Wisniewski", "Jensen", "Nielsen", "Hansen", "Larsen",
        "Andersson", "Johansson", "Karlsson", "Tanaka", "Suzuki", "Takahashi", "Watanabe", "Sato", "Wang", "Zhang",
        "Liu", "Chen", "Yang", "Huang", "Patel", "Sharma", "Gupta", "Singh", "Okafor", "Mensah", "Dlamini",
        "Silva", "Santos", "Oliveira", "Pereira", "Costa", "Murray", "Byrne", "Walsh", "O'Brien", "Fitzgerald"};
    static final String[] COMPANY_FIRST = {"Blue", "Northern", "Pacific", "Summit", "Green", "Silver", "Bright",
        "Oak", "Maple", "Harbor", "Coastal", "Prairie", "Granite", "Evergreen", "Sunrise", "Lakeside", "Riverside",
        "Metro", "Pioneer", "Heritage", "Liberty", "Keystone", "Redwood", "Cedar", "Falcon", "Eagle", "Atlas",
        "Orion", "Nova", "Alpine", "Urban", "Valley", "Crystal", "Golden", "Iron", "Copper", "Meadow", "Willow"};
    static final String[] COMPANY_SECOND = {"River", "Ridge", "Bay", "Peak", "Field", "Stone", "Brook", "Point",
        "Gate", "Bridge", "Harvest", "Anchor", "Compass", "Lantern", "Forge", "Crest", "Grove", "Haven", "Works",
        "Line", "Way", "Path", "Port", "Mill"};
    static final String[] COMPANY_TRADE = {"Logistics", "Outfitters", "Apparel", "Home Goods", "Electronics",
        "Supply", "Foods", "Coffee Roasters", "Furniture", "Books", "Toys", "Cycles", "Garden Center", "Pharmacy",
        "Design Studio", "Print Shop", "Hardware", "Marine Supply", "Pet Supplies", "Beauty", "Sports", "Optics",
        "Ceramics", "Textiles", "Bakery", "Wine Merchants", "Music", "Office Supplies", "Auto Parts", "Crafts"};
    static final String[] COMPANY_FORM = {"LLC", "Inc.", "Ltd", "GmbH", "S.A.", "B.V.", "S.r.l.", "Pty Ltd", "AB", ""};

    static final String[] ARABIC_GIVEN = {"Mohammed", "Ahmed", "Ali", "Omar", "Khalid", "Youssef", "Ibrahim",
        "Hassan", "Hussein", "Mahmoud", "Mustafa", "Tariq", "Karim", "Samir", "Walid", "Nabil", "Faisal", "Saeed",
        "Rashid", "Adel", "Hamza", "Bilal", "Ziad", "Rami", "Fadi", "Majed", "Sultan", "Nasser", "Jamal", "Imad",
        "Fatima", "Aisha", "Mariam", "Noura", "Layla", "Huda", "Rania", "Salma", "Yasmin", "Dina", "Hala", "Reem",
        "Lina", "Amal", "Nadia", "Sara", "Zainab", "Hanan", "Samira", "Maha"};
    static final String[] ARABIC_FAMILY = {"Haddad", "Khoury", "Nasser", "Saleh", "Hamdan", "Mansour", "Qasim",
        "Darwish", "Suleiman", "Abboud", "Farah", "Hijazi", "Karam", "Aziz", "Shalaby", "Al-Masri", "Khalil", "Hamad",
        "Awad", "Sabbagh", "Al-Tamimi", "Zaki", "Fawzi", "Mahfouz", "Bakri", "Othman", "Yassin", "Jaber", "Obeid",
        "Abdel Rahman", "Ghanem", "Nassar", "Taha", "Abdallah", "Issa", "Harb", "Sayegh", "Shaheen", "Barakat",
        "Najjar", "El-Sayed", "Al-Hashimi", "Bin Saleh", "Al-Otaibi", "Al-Qahtani", "Al-Ghamdi", "Al-Zahrani"};
    static final String[] PERSIAN_GIVEN = {"Reza", "Ali", "Hossein", "Mehdi", "Amir", "Saeed", "Hamid", "Majid",
        "Behnam", "Babak", "Kourosh", "Dariush", "Farhad", "Kaveh", "Arash", "Omid", "Navid", "Payam", "Siavash",
        "Shahram", "Mohsen", "Javad", "Hadi", "Ehsan", "Mohammad Reza", "Maryam", "Zahra", "Fatemeh", "Narges",
        "Leila", "Shirin", "Parisa", "Niloufar", "Mahsa", "Sima", "Azadeh", "Roya", "Mina", "Ladan", "Golnaz",
        "Yasaman"};
    static final String[] PERSIAN_FAMILY = {"Ahmadi", "Hosseini", "Mohammadi", "Rezaei", "Moradi", "Karimi",
        "Jafari", "Rahimi", "Hashemi", "Mousavi", "Sadeghi", "Ghorbani", "Kazemi", "Heidari", "Rostami", "Nazari",
        "Shariati", "Tehrani", "Shirazi", "Esfahani", "Tabrizi", "Ebrahimi", "Asadi", "Bagheri", "Najafi", "Salehi",
        "Yazdani", "Farahani", "Abbasi", "Zamani", "Amini", "Kamali", "Mirzaei", "Soltani", "Akbari", "Hamidi",
        "Naderi", "Khorasani", "Golzar", "Parvizi", "Jalali", "Safavi", "Sharifi", "Nouri", "Ansari"};
    static final String[] RUSSIAN_GIVEN_MALE = {"Aleksandr", "Sergei", "Dmitry", "Andrei", "Alexei", "Ivan",
        "Mikhail", "Nikolai", "Vladimir", "Yuri", "Oleg", "Pavel", "Igor", "Maxim", "Artem", "Roman", "Viktor",
        "Evgeny", "Konstantin", "Anton", "Taras", "Bohdan", "Mykola", "Oleksandr", "Yaroslav", "Vasyl", "Андрей",
        "Дмитрий"};
    static final String[] RUSSIAN_GIVEN_FEMALE = {"Olga", "Natalia", "Elena", "Tatiana", "Irina", "Svetlana",
        "Anastasia", "Yulia", "Ekaterina", "Marina", "Oksana", "Daria", "Ksenia", "Alina", "Vira", "Ольга"};
    /** Russian family names in the masculine; a woman's takes -a where it ends in -ov, -ev or -in. */
    static final String[] RUSSIAN_FAMILY = {"Ivanov", "Smirnov", "Kuznetsov", "Popov", "Vasiliev", "Petrov",
        "Sokolov", "Mikhailov", "Novikov", "Fedorov", "Morozov", "Volkov", "Alekseev", "Lebedev", "Semenov", "Egorov",
        "Pavlov", "Kozlov", "Stepanov", "Nikolaev", "Orlov", "Andreev", "Makarov", "Zakharov", "Zaitsev", "Solovyov",
        "Borisov", "Yakovlev", "Grigoriev", "Romanov", "Belov", "Golubev", "Karpov", "Titov", "Kiselev", "Ilyin",
        "Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boyko", "Moroz", "Lysenko",
        "Marchenko", "Savchenko", "Rudenko", "Polishchuk", "Tkachuk", "Koval", "Кузнецов", "Попов"};
    /** Patronymics, given between a Russian given and family name as many customers write them. */
    static final String[] PATRONYMIC_MALE = {"Aleksandrovich", "Sergeyevich", "Dmitrievich", "Andreyevich",
        "Ivanovich", "Mikhailovich", "Nikolaevich", "Vladimirovich", "Yurievich", "Olegovich", "Pavlovich",
        "Igorevich", "Viktorovich", "Petrovich"};
    static final String[] PATRONYMIC_FEMALE = {"Aleksandrovna", "Sergeyevna", "Ivanovna", "Nikolaevna",
        "Vladimirovna", "Mikhailovna", "Andreyevna", "Viktorovna", "Petrovna", "Yurievna"};
    static final String[] TURKISH_GIVEN = {"Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim",
        "İsmail", "Osman", "Yusuf", "Murat", "Emre", "Burak", "Can", "Cem", "Kerem", "Serkan", "Volkan", "Onur",
        "Tolga", "Barış", "Kaan", "Ozan", "Selim", "Fatma", "Ayşe", "Emine", "Hatice", "Zeynep", "Elif", "Merve",
        "Özlem", "Esra", "Derya", "Gül", "Seda", "Burcu", "Ebru", "Yasemin", "Deniz"};
    static final String[] TURKISH_FAMILY = {"Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım",
        "Öztürk", "Aydın", "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan",
        "Şimşek", "Polat", "Erdoğan", "Korkmaz", "Aksoy", "Tekin", "Ünal", "Güler", "Bozkurt", "Keskin", "Acar",
        "Karaca", "Ercan", "Güneş", "Taş", "Yavuz", "Ekinci", "Çakır", "Sarı", "Altun", "Başaran"};
    static final String[] SOUTH_ASIAN_GIVEN = {"Rajesh", "Suresh", "Ramesh", "Amit", "Anil", "Sunil", "Vijay",
        "Sanjay", "Deepak", "Manoj", "Ravi", "Ajay", "Vikram", "Arun", "Kiran", "Sandeep", "Rohan", "Nikhil",
        "Aditya", "Karthik", "Srinivas", "Venkat", "Prakash", "Ganesh", "Harish", "Imran", "Asif", "Usman", "Zubair",
        "Kamran", "Naveed", "Shahid", "Farhan", "Rahim", "Pooja", "Neha", "Anjali", "Sunita", "Kavita", "Deepa",
        "Lakshmi", "Meena", "Rekha", "Divya", "Shreya", "Sana", "Ayesha", "Nasrin", "Sabina", "Farzana"};
    static final String[] SOUTH_ASIAN_FAMILY = {"Kumar", "Reddy", "Rao", "Iyer", "Nair", "Menon", "Pillai", "Mehta",
        "Shah", "Desai", "Joshi", "Kulkarni", "Chopra", "Kapoor", "Malhotra", "Agarwal", "Bansal", "Jain", "Verma",
        "Mishra", "Tiwari", "Pandey", "Chaudhary", "Yadav", "Das", "Bose", "Banerjee", "Chatterjee", "Mukherjee",
        "Khan", "Qureshi", "Siddiqui", "Malik", "Chaudhry", "Butt", "Hossain", "Rahman", "Islam", "Ahmed", "Akhtar",
        "Baig", "Mirza", "Rizvi", "Zaidi", "Naqvi", "Sheikh", "Ansari", "Haque"};

    static final String[] ARABIC_COMPANY = {"Al Noor", "Al Amal", "Al Waha", "Al Fajr", "Al Baraka", "Al Hayat",
        "Dar Al Salam", "Rawabi", "Al Rayan", "Al Sharq", "Al Khaleej", "Al Madina", "Al Yasmin", "Al Zahra", "Nakhla",
        "Al Safa", "Al Marwa", "Bayt Al Ward", "Al Thuraya", "Al Maha", "Al Bustan", "Al Dana", "Al Nakheel",
        "Al Reem", "Al Mansoor", "Al Badr", "Al Sahraa", "Al Ameen", "Jazira Pearl", "Al Wadi"};
    static final String[] ARABIC_TRADE = {"Trading", "General Trading", "Textiles", "Foodstuff Trading",
        "Building Materials", "Electronics", "Perfumes", "Furniture", "Auto Spare Parts", "Contracting",
        "Printing Press", "Travel and Tourism", "Marine Services", "Medical Supplies", "Dates Factory", "Sweets"};
    static final String[] ARABIC_FORM = {"LLC", "L.L.C.", "FZE", "FZCO", "W.L.L.", "Est.", "Co.", ""};
    static final String[] PERSIAN_COMPANY = {"Pars", "Arya", "Kish", "Sepahan", "Azar", "Alborz", "Damavand",
        "Kavir", "Shahab", "Tous", "Mehr", "Pasargad", "Golestan", "Negin", "Sahand", "Zagros", "Setareh", "Arman",
        "Aftab", "Baran", "Nasim", "Sorena", "Persia", "Mahan Star", "Rayan Pars", "Kimia", "Padideh", "Artin"};
    static final String[] PERSIAN_TRADE = {"Carpet", "Saffron", "Pistachio", "Textile", "Trading", "Handicrafts",
        "Tile and Ceramic", "Food Industries", "Tejarat", "Bazargani", "Dried Fruit", "Home Appliances",
        "Packaging", "Printing"};
    static final String[] PERSIAN_FORM = {"Co.", "Ltd", "Company", "Private Joint Stock Co.", ""};
    static final String[] RUSSIAN_COMPANY = {"Sever", "Vostok", "Zapad", "Yug", "Ural", "Volga", "Sibir", "Baikal",
        "Neva", "Altai", "Amur", "Kama", "Oka", "Tayga", "Zvezda", "Rassvet", "Avangard", "Vesna", "Luch", "Iskra",
        "Dnipro", "Karpaty", "Polissya", "Sokol", "Beryoza"};
    static final String[] RUSSIAN_TRADE = {"stroy", "trans", "torg", "snab", "servis", "tekh", "les", "agro",
        "mebel", "pishcheprom", "tekstil", "avto", "kom", "opt", "pak", "print"};
    static final String[] RUSSIAN_FORM = {"OOO", "LLC", "AO", "TOV", "IP", "OOO"};
    static final String[] TURKISH_COMPANY = {"Anadolu", "Yıldız", "Deniz", "Marmara", "Ege", "Karadeniz", "Toros",
        "Kartal", "Altın", "Güneş", "Hilal", "Özgür", "Birlik", "Mavi", "Yeşil", "İnci", "Lale", "Çınar", "Kardelen",
        "Doğa", "Umut", "Ay", "Başak", "Akdeniz"};
    static final String[] TURKISH_TRADE = {"Tekstil", "Gıda", "İnşaat", "Otomotiv", "Makina", "Lojistik", "Mobilya",
        "Elektrik", "Kimya", "Ambalaj", "Plastik", "Turizm", "Halı", "Deri", "Tarım"};
    static final String[] TURKISH_FORM = {"A.Ş.", "Ltd. Şti.", "San. ve Tic. A.Ş.", "Ltd.", ""};
    static final String[] SOUTH_ASIAN_COMPANY = {"Shree", "Sri Lakshmi", "Ganesh", "Krishna", "Balaji", "Sai",
        "Jai Bharat", "Hindustan", "Indus", "Ganga", "Himalaya", "Surya", "Ashoka", "Crescent", "Star", "Shalimar",
        "Mehran", "Punjab", "Bengal", "Deccan", "Kaveri", "Narmada", "Royal", "Sunrise", "Madina"};
    static final String[] SOUTH_ASIAN_TRADE = {"Textiles", "Exports", "Spinning Mills", "Pharmaceuticals",
        "Engineering Works", "Rice Mills", "Leather", "Chemicals", "Traders", "Agencies", "Steels", "Polymers",
        "Impex", "Overseas", "Handlooms", "Spices", "Surgical", "Sports Goods"};
    static final String[] SOUTH_ASIAN_FORM = {"Pvt. Ltd.", "Private Limited", "Ltd", "& Sons", "(Pvt) Ltd", ""};

    private OrdinaryNames() {
    }

    /** {@code n} names, people and companies alternating, each origin equally likely. Seeded. */
    static List<Ordinary> generate(int n, long seed) {
        Random r = new Random(seed);
        Origin[] origins = Origin.values();
        List<Ordinary> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Origin o = origins[r.nextInt(origins.length)];
            boolean company = i % 2 != 0;
            out.add(new Ordinary(company ? company(o, r) : person(o, r), o, company));
        }
        return out;
    }

    private static String person(Origin o, Random r) {
        boolean middle = r.nextInt(4) == 0;
        return switch (o) {
            case WESTERN_EAST_ASIAN_AFRICAN -> pick(GIVEN, r) + (middle ? " " + pick(GIVEN, r) : "") + " " + pick(FAMILY, r);
            // An Arab's second name is often the father's: a man's given name.
            case ARABIC -> pick(ARABIC_GIVEN, r) + (middle ? " " + pick(ARABIC_GIVEN, r) : "") + " " + pick(ARABIC_FAMILY, r);
            case PERSIAN -> pick(PERSIAN_GIVEN, r) + (middle ? " " + pick(PERSIAN_GIVEN, r) : "") + " " + pick(PERSIAN_FAMILY, r);
            case RUSSIAN_UKRAINIAN -> russian(middle, r);
            case TURKISH -> pick(TURKISH_GIVEN, r) + (middle ? " " + pick(TURKISH_GIVEN, r) : "") + " " + pick(TURKISH_FAMILY, r);
            case SOUTH_ASIAN -> pick(SOUTH_ASIAN_GIVEN, r) + (middle ? " " + pick(SOUTH_ASIAN_GIVEN, r) : "") + " "
                    + pick(SOUTH_ASIAN_FAMILY, r);
        };
    }

    private static String russian(boolean patronymic, Random r) {
        boolean woman = r.nextInt(2) == 0;
        String family = pick(RUSSIAN_FAMILY, r);
        if (woman && family.matches(".*(ov|ev|in|ов|ев|ин)")) {
            family += family.matches(".*[a-z]") ? "a" : "а";
        }
        String given = woman ? pick(RUSSIAN_GIVEN_FEMALE, r) : pick(RUSSIAN_GIVEN_MALE, r);
        String middle = !patronymic ? "" : " " + (woman ? pick(PATRONYMIC_FEMALE, r) : pick(PATRONYMIC_MALE, r));
        // Half written the Russian way, family name first (a passport or a customs form), half given name first.
        return r.nextBoolean() ? family + " " + given + middle : given + middle + " " + family;
    }

    private static String company(Origin o, Random r) {
        return (switch (o) {
            case WESTERN_EAST_ASIAN_AFRICAN -> pick(COMPANY_FIRST, r) + " " + pick(COMPANY_SECOND, r) + " "
                    + pick(COMPANY_TRADE, r) + " " + pick(COMPANY_FORM, r);
            case ARABIC -> pick(ARABIC_COMPANY, r) + " " + pick(ARABIC_TRADE, r) + " " + pick(ARABIC_FORM, r);
            case PERSIAN -> pick(PERSIAN_COMPANY, r) + " " + pick(PERSIAN_TRADE, r) + " " + pick(PERSIAN_FORM, r);
            // Written as one word ("Severstroy"), after the form and often in quotes: OOO "Severstroy".
            case RUSSIAN_UKRAINIAN -> {
                String name = pick(RUSSIAN_COMPANY, r) + pick(RUSSIAN_TRADE, r);
                yield pick(RUSSIAN_FORM, r) + (r.nextBoolean() ? " \"" + name + "\"" : " " + name);
            }
            case TURKISH -> pick(TURKISH_COMPANY, r) + " " + pick(TURKISH_TRADE, r) + " " + pick(TURKISH_FORM, r);
            case SOUTH_ASIAN -> pick(SOUTH_ASIAN_COMPANY, r) + " " + pick(SOUTH_ASIAN_TRADE, r) + " "
                    + pick(SOUTH_ASIAN_FORM, r);
        }).trim();
    }

    private static String pick(String[] words, Random r) {
        return words[r.nextInt(words.length)];
    }
}
