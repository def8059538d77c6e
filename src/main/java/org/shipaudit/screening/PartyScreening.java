package org.shipaudit.screening;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.shipaudit.model.api.Address;
import org.shipaudit.model.api.Party;
import org.shipaudit.model.ScreeningMatch;
import org.shipaudit.model.api.Shipment;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.reference.screening.NameForm;
import org.shipaudit.reference.screening.NameNormalizer;
import org.shipaudit.reference.screening.ScreeningHit;
import org.shipaudit.reference.screening.ScreeningQuery;
import org.shipaudit.reference.screening.ScreeningThresholds;
import org.shipaudit.store.Clearance;
import org.shipaudit.store.ClearanceStore;

/**
 * Screens every name of a shipment (person and company of shipFrom, shipTo and each further party) against the
 * restricted-party lists in force on the ship date, and returns the strong and possible matches as facts, each
 * marked cleared when a compliance officer cleared that party against that entry. Vessels and aircraft are never
 * searched: a party on a shipment is a person or an organisation.
 *
 * <p>Thread-safe; blocking (index reads), so call from a worker thread. Clearances are read from memory.
 */
public final class PartyScreening {
    /** Entries reported per screened name: past the best few, more hits add noise, not evidence. */
    static final int HITS_PER_NAME = 3;

    /** Screened names remembered; past this the memory is emptied, which bounds it whatever the traffic. */
    static final int CACHE_LIMIT = 50_000;

    private final ReferenceIndex index;
    private final ClearanceStore clearances;
    private final ScreeningThresholds thresholds;
    /**
     * Recent answers by name, place and day: the shipper on shipFrom is the same on most of a merchant's shipments
     * and consignees come back, so most parties are screened once a day, not once an audit. Emptied when the index
     * changes (a new edition of a list), detected by its coverage being another object. Clearances are applied after
     * the cache, so a new clearance counts at once.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, List<ScreeningHit>> recent =
            new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Object cachedFor;

    /** @param clearances null when there is no store (offline audits): nothing is cleared */
    public PartyScreening(ReferenceIndex index, ClearanceStore clearances, ScreeningThresholds thresholds) {
        this.index = index;
        this.clearances = clearances;
        this.thresholds = thresholds;
    }

    public ScreeningThresholds thresholds() {
        return thresholds;
    }

    /** The name key a clearance is stored under: the party's name as screening normalises it. */
    public static String partyKey(String name) {
        return NameNormalizer.normalize(name, NameForm.UNKNOWN).text();
    }

    /** The matches of the shipment's parties on its ship date (or {@code day} when it has none). */
    public List<ScreeningMatch> screen(Shipment shipment, LocalDate day) {
        LocalDate on = shipment.shipDate() != null ? shipment.shipDate() : day;
        List<ScreeningMatch> out = new ArrayList<>();
        address("shipFrom", shipment.shipFrom(), on, out);
        address("shipTo", shipment.shipTo(), on, out);
        for (int i = 0; i < shipment.parties().size(); i++) {
            Party p = shipment.parties().get(i);
            if (p == null) {
                continue;
            }
            String subject = "parties[" + i + "]";
            names(subject, p.name(), p.company(), p.country(), p.city(), p.street1(), on, out);
        }
        return out;
    }

    private void address(String subject, Address a, LocalDate on, List<ScreeningMatch> out) {
        if (a != null) {
            names(subject, a.name(), a.company(), a.country(), a.city(), a.street1(), on, out);
        }
    }

    private void names(String subject, String name, String company, String country, String city, String street,
                       LocalDate on, List<ScreeningMatch> out) {
        Set<String> done = new LinkedHashSet<>();
        for (String[] n : new String[][] {{"name", name}, {"company", company}}) {
            if (n[1] == null || n[1].isBlank() || !done.add(partyKey(n[1]))) {
                continue;
            }
            List<ScreeningHit> hits = cached(new ScreeningQuery(n[1], country, city, street,
                    ScreeningQuery.PARTIES, on, thresholds.possible(), HITS_PER_NAME));
            for (ScreeningHit h : hits) {
                ScreeningThresholds.MatchLevel level = thresholds.level(h);
                if (level != null) {
                    out.add(fact(subject + "." + n[0], n[1], country, h, level));
                }
            }
        }
    }

    private List<ScreeningHit> cached(ScreeningQuery q) {
        Object coverage = index.coverage();
        if (coverage != cachedFor) {
            recent.clear();
            cachedFor = coverage;
        }
        String key = q.name() + '\u0000' + q.country() + '\u0000' + q.city() + '\u0000' + q.day();
        List<ScreeningHit> hits = recent.get(key);
        if (hits == null) {
            hits = index.screen(q);
            if (recent.size() >= CACHE_LIMIT) {
                recent.clear();
            }
            recent.put(key, hits);
        }
        return hits;
    }

    private ScreeningMatch fact(String subject, String screened, String country, ScreeningHit h,
                                ScreeningThresholds.MatchLevel level) {
        Clearance c = clearances == null ? null : clearances.active(h.list().name(), h.entryId(), partyKey(screened),
                country).orElse(null);
        return new ScreeningMatch(subject, screened, h.list().name(), h.list().authority(), h.entryId(), h.name(),
                h.matchedName(), h.matchedQuality().name(), h.score(), level.name(), h.type().label(), h.programs(),
                h.reasons(), c != null, c == null ? null : c.id(), c == null ? null : c.clearedBy(),
                c == null ? null : DateTimeFormatter.ISO_INSTANT.format(c.clearedAt()),
                c == null ? null : c.reason());
    }
}
