package org.shipaudit.model.api;

import java.math.BigDecimal;

/** An amount of money; serialised with the amount as a decimal string, never a float. */
public record Money(BigDecimal amount, String currency) {

    public static Money usd(BigDecimal amount) {
        return new Money(amount, "USD");
    }
}
