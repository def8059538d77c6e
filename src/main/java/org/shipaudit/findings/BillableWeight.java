package org.shipaudit.findings;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * The weight a carrier will bill for one package, in the unit it bills in ({@code LB} in whole pounds; {@code KG} in
 * the carrier's steps, 0.5 kg for DHL Express outside US exports), and why (actual, dimensional or a minimum). The
 * value is a JSON number ({@code 20}, {@code 2.5}), as API.md shows, not the string money amounts are written as.
 */
public record BillableWeight(String packageId, @JsonSerialize(using = AsNumber.class) BigDecimal value, String unit,
                             String basis) {

    /** Writes the weight as a plain JSON number. */
    static final class AsNumber extends StdSerializer<BigDecimal> {
        AsNumber() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            BigDecimal v = value.stripTrailingZeros();
            gen.writeNumber(v.scale() < 0 ? v.setScale(0) : v);
        }
    }
}
