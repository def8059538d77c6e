package org.shipaudit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Names of ordinary people and companies, generated from common given names, family names and company words written
 * here (none taken from any restricted-party list): the negatives of {@code bench screening}. A few may still match
 * a listed name by chance, as real customers do; that is the false-positive rate being measured.
 */
final class OrdinaryNames {
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

    private OrdinaryNames() {
    }

    static List<String> generate(int n, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) {
                String middle = r.nextInt(4) == 0 ? " " + GIVEN[r.nextInt(GIVEN.length)] : "";
                out.add(GIVEN[r.nextInt(GIVEN.length)] + middle + " " + FAMILY[r.nextInt(FAMILY.length)]);
            } else {
                out.add((COMPANY_FIRST[r.nextInt(COMPANY_FIRST.length)] + " " + COMPANY_SECOND[r.nextInt(COMPANY_SECOND.length)]
                        + " " + COMPANY_TRADE[r.nextInt(COMPANY_TRADE.length)] + " "
                        + COMPANY_FORM[r.nextInt(COMPANY_FORM.length)]).trim());
            }
        }
        return out;
    }
}
