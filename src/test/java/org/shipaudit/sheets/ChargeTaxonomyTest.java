package org.shipaudit.sheets;

import org.shipaudit.csv.CsvReader;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.shipaudit.model.ChargeType;

/**
 * The charge taxonomy (charge-codes.csv) knows every charge description seen on real invoices: the 268 descriptions
 * of UPS, FedEx and Worldwide Express invoices in the shared catalogue and every description and code of the real
 * exports, and types them consistently with the catalogue's own first category. Skipped when the shared reference
 * data is absent.
 */
class ChargeTaxonomyTest {

    private static final Path INVOICES = Path.of("../shared/reference-data/carrier_invoices");

    /** Corrections name the charge they correct ("Void Fuel Surcharge"): typed as the correction, by design. */
    private static final Set<ChargeType> CORRECTIONS = EnumSet.of(ChargeType.VOID, ChargeType.RETURN,
            ChargeType.ADJUSTMENT, ChargeType.ADDRESS_CORRECTION);

    private static List<List<String>> csv(Path file) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CsvReader r = new CsvReader(in)) {
            List<String> row;
            while ((row = r.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void knowsEveryDescriptionOfTheSharedCatalogue() throws Exception {
        Path catalogue = INVOICES.resolve("carrier_charge_description_mapping_ups_fedex_wwe.csv");
        Assumptions.assumeTrue(Files.isRegularFile(catalogue), "the shared charge catalogue is not at " + catalogue);
        List<List<String>> rows = csv(catalogue);
        List<String> header = rows.get(0);
        int description = header.indexOf("Charge Description");
        int category = header.indexOf("Category 1");
        int carrier = header.indexOf("Carrier");
        Set<String> unknown = new TreeSet<>();
        Set<String> inconsistent = new TreeSet<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            String c = row.get(carrier).toUpperCase(Locale.ROOT);
            ChargeTypes.Typed t = ChargeTypes.typed(c, null, row.get(description));
            if (!t.recognised()) {
                unknown.add(c + ": " + row.get(description));
            } else if (!CORRECTIONS.contains(t.type()) && !consistent(row.get(category), t.type())) {
                inconsistent.add(c + ": " + row.get(description) + " -> " + t.type() + " (" + row.get(category)
                        + ")");
            }
        }
        assertEquals(268, rows.size() - 1);
        assertEquals(Set.of(), unknown, "descriptions the taxonomy does not know");
        assertEquals(Set.of(), inconsistent, "descriptions typed against the catalogue's category");
    }

    @Test
    void knowsEveryChargeOfTheRealExports() throws Exception {
        Path fedex = INVOICES.resolve("fedex_billing_online_2025-07_to_08_redacted.csv");
        Assumptions.assumeTrue(Files.isRegularFile(fedex), "the real exports are not at " + INVOICES);
        Set<String> unknown = new TreeSet<>();
        List<List<String>> f = csv(fedex);
        List<String> header = f.get(0);
        for (List<String> row : f.subList(1, f.size())) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).equals("Tracking ID Charge Description") && !row.get(i).isBlank()
                        && !ChargeTypes.typed("FEDEX", null, row.get(i)).recognised()) {
                    unknown.add("FEDEX: " + row.get(i));
                }
            }
        }
        for (String name : List.of("ups_billing_data_2025-08-02_redacted.csv",
                "ups_billing_data_2025-08-23_redacted.csv")) {
            for (List<String> row : csv(INVOICES.resolve(name))) {
                String code = row.get(UpsBillingProfile.CHARGE_DESCRIPTION_CODE - 1);
                String description = row.get(UpsBillingProfile.CHARGE_DESCRIPTION - 1);
                String classification = row.get(UpsBillingProfile.CHARGE_CLASSIFICATION - 1);
                // Freight and fuel rows are typed by their classification; the rest need the taxonomy.
                if (!classification.equals("FRT") && !classification.equals("FSC") && !classification.equals("INF")
                        && !ChargeTypes.typed("UPS", code, description).recognised()) {
                    unknown.add("UPS: " + code + " " + description);
                }
                if (!ChargeTypes.typed("UPS", null, description).recognised()) {
                    unknown.add("UPS description: " + description);
                }
            }
        }
        assertEquals(Set.of(), unknown, "charges of the real exports the taxonomy does not know");
    }

    private static boolean consistent(String category, ChargeType type) {
        return switch (category) {
            case "Base Freight" -> type == ChargeType.FREIGHT;
            case "Fuel Surcharge" -> type == ChargeType.FUEL_SURCHARGE;
            default -> type != ChargeType.FREIGHT && type != ChargeType.FUEL_SURCHARGE;
        };
    }
}
