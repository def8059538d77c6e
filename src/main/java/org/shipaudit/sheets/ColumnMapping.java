package org.shipaudit.sheets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shipaudit.json.Mappers;

/**
 * A saved column mapping: a custom invoice header renamed to the {@code generic} profile's column names, then read
 * as the generic profile. JSON form:
 * <pre>{"name": "acme-dhl", "carrier": "DHL", "onlyMapped": false,
 *  "columns": {"Waybill": "tracking_number", "Inv No": "invoice_number", "Amount": "charge_amount"}}</pre>
 * Keys are header names as in the file (matched like generic names: any case, spaces, {@code _}, {@code -} ignored),
 * values generic column names (API.md), including the wide-layout charge names. {@code carrier}, optional, is used
 * for rows without a carrier column. With {@code onlyMapped} true, columns not in the mapping are ignored even when
 * their names happen to be generic names.
 */
public record ColumnMapping(String name, String carrier, Boolean onlyMappedColumns, Map<String, String> columns) {

    public ColumnMapping {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a column mapping needs a name");
        }
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("column mapping '" + name + "' maps no columns");
        }
        List<String> unknown = new ArrayList<>();
        columns.forEach((custom, field) -> {
            if (field == null || !GenericProfile.isField(field)) {
                unknown.add(custom + " -> " + field);
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("column mapping '" + name + "' maps to unknown generic columns: "
                    + String.join(", ", unknown) + "; known columns are " + String.join(", ", GenericProfile.FIELDS)
                    + ", " + String.join(", ", GenericProfile.WIDE.keySet()));
        }
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    public ColumnMapping(String name, String carrier, Map<String, String> columns) {
        this(name, carrier, false, columns);
    }

    boolean onlyMapped() {
        return Boolean.TRUE.equals(onlyMappedColumns);
    }

    /** Reads a mapping from JSON; an invalid one fails with a message naming the problem. */
    public static ColumnMapping fromJson(InputStream json) throws IOException {
        try {
            Json j = Mappers.json().readValue(json, Json.class);
            return new ColumnMapping(j.name, j.carrier, j.onlyMapped, j.columns);
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException iae) {
                throw new IllegalArgumentException(iae.getMessage(), e);
            }
            throw new IllegalArgumentException("not a column mapping: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a column mapping: " + e.getOriginalMessage(), e);
        }
    }

    public static ColumnMapping load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return fromJson(in);
        }
    }

    /** The JSON form, for saving. */
    public String toJson() throws IOException {
        Json j = new Json();
        j.name = name;
        j.carrier = carrier;
        j.onlyMapped = onlyMappedColumns;
        j.columns = columns;
        return Mappers.json().writeValueAsString(j);
    }

    /** The wire shape: field names as documented above. */
    static final class Json {
        public String name;
        public String carrier;
        public Boolean onlyMapped;
        public Map<String, String> columns;
    }
}
